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
    if (uri.getPort() == 0 || uri.getPort() > 65535) {
      // java.net.URI takes any digits as a port; the socket layer would fail with an unchecked
      // error
      throw new OutboundRefusedException("port " + uri.getPort() + " is out of range: " + uri);
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

  /**
   * Loopback, private, link-local, unique-local, multicast, unspecified, reserved or metadata; for
   * IPv6 also each form that carries an IPv4 address (mapped, compatible, SIIT, NAT64, 6to4,
   * Teredo) when that IPv4 address is one of these, since a relay or translator on the way would
   * deliver to it.
   */
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
    if (!(a instanceof Inet6Address)) {
      return false;
    }
    // fc00::/7 unique local.
    if ((b[0] & 0xfe) == 0xfc) {
      return true;
    }
    // ::ffff:a.b.c.d mapped, the deprecated ::a.b.c.d compatible form (::/96) and the SIIT
    // translated form ::ffff:0:a.b.c.d.
    boolean ones10 = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean zeros10 = b[10] == 0 && b[11] == 0;
    boolean ones8 = (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff;
    if (zero(b, 0, 8) && ((zero(b, 8, 10) && (ones10 || zeros10)) || (ones8 && zeros10))) {
      return isInternalIpv4(b, 12, false);
    }
    // NAT64 (RFC 6052): the well-known prefix 64:ff9b::/96 carries the IPv4 address in its last 32
    // bits. The rest of 64:ff9b::/32 is the local-use 64:ff9b:1::/48 (RFC 8215), whose IPv4
    // address may sit at any of several offsets, and unassigned space: refused whole.
    if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
      return !zero(b, 4, 12) || isInternalIpv4(b, 12, false);
    }
    // 6to4 (RFC 3056): 2002:AABB:CCDD::/48 routes to the IPv4 address AA.BB.CC.DD.
    if (b[0] == 0x20 && b[1] == 0x02) {
      return isInternalIpv4(b, 2, false);
    }
    // Teredo (RFC 4380): 2001:0::/32, the server's IPv4 address in bits 32-63 and the client's,
    // inverted, in the last 32 bits.
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
      return isInternalIpv4(b, 4, false) || isInternalIpv4(b, 12, true);
    }
    return false;
  }

  /** Whether the IPv4 address in {@code b[at..at+3]} (stored inverted if so) is internal. */
  private static boolean isInternalIpv4(byte[] b, int at, boolean inverted) {
    byte[] v4 = new byte[4];
    for (int i = 0; i < 4; i++) {
      v4[i] = (byte) (inverted ? ~b[at + i] : b[at + i]);
    }
    try {
      return isInternal(InetAddress.getByAddress(v4));
    } catch (UnknownHostException e) {
      return true;
    }
  }

  private static boolean zero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
