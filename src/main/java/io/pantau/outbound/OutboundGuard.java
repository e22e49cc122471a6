package io.pantau.outbound;

import io.pantau.config.PantauConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether Pantau may connect to a URL given by a user. Every outbound request (feeds,
 * pages, robots.txt, webhooks) asks here first, and again for each redirect; the host name is
 * resolved here, once per request, and the request connects to the address checked here and to no
 * other, so that a name that resolves differently a moment later (DNS rebinding) gains nothing.
 */
@ApplicationScoped
public class OutboundGuard {
  private final boolean allowPrivate;
  private final Resolver resolver;

  @Inject
  OutboundGuard(PantauConfig config) {
    this(config.outbound().allowPrivateNetworks());
  }

  /** For plain unit tests. */
  public OutboundGuard(boolean allowPrivate) {
    this(allowPrivate, Resolver.SYSTEM);
  }

  /** For tests that make a host name answer as they need, e.g. one that rebinds. */
  public OutboundGuard(boolean allowPrivate, Resolver resolver) {
    this.allowPrivate = allowPrivate;
    this.resolver = resolver;
  }

  /**
   * The addresses the URL's host resolves to, when every one of them may be reached; outbound
   * requests connect to the first of them.
   *
   * @throws OutboundRefusedException naming the reason otherwise
   */
  public List<InetAddress> check(URI uri) {
    if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
      throw new OutboundRefusedException("not an absolute URL: " + uri);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new OutboundRefusedException("only http and https URLs are allowed: " + uri);
    }
    if (uri.getUserInfo() != null) {
      throw new OutboundRefusedException("URLs with credentials are not allowed");
    }
    InetAddress[] all;
    try {
      all = resolver.resolve(uri.getHost());
    } catch (UnknownHostException e) {
      throw new OutboundRefusedException("unknown host " + uri.getHost());
    }
    if (all == null || all.length == 0) {
      throw new OutboundRefusedException("unknown host " + uri.getHost());
    }
    if (!allowPrivate) {
      for (InetAddress a : all) {
        if (isInternal(a)) {
          throw new OutboundRefusedException(
              uri.getHost()
                  + " resolves to an internal address ("
                  + a.getHostAddress()
                  + "); set pantau.outbound.allow-private-networks=true to allow it");
        }
      }
    }
    return List.of(all);
  }

  /** Loopback, private, link-local, unique-local, multicast, unspecified or metadata. */
  static boolean isInternal(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isSiteLocalAddress()
        || a.isLinkLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      // 100.64/10 carrier-grade NAT, 0/8, 192.0.0/24, 198.18/15 benchmarking, 240/4 reserved.
      return first == 0
          || (first == 100 && second >= 64 && second < 128)
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
          || (first == 198 && (second == 18 || second == 19))
          || first >= 240;
    }
    if (a instanceof Inet6Address) {
      // fc00::/7 unique local; ::ffff:a.b.c.d mapped addresses are judged as IPv4.
      if ((b[0] & 0xfe) == 0xfc) {
        return true;
      }
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        try {
          return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return true;
        }
      }
    }
    return false;
  }
}
