package io.pantau.outbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A host name that rebinds between Pantau's check and its connection, played out on loopback alone:
 * the guard's resolver answers {@link #CHECKED} (127.0.0.2, which this guard allows as if it were
 * public) for {@link #HOST}, while the operating system resolves the same name to {@link
 * #internal()} (127.0.0.1, which this guard refuses). It is what a DNS server with a zero TTL does
 * to a client that looks a name up twice: a public address for the check, an internal one for the
 * connection. A client that connects to the address it checked only ever reaches {@link #CHECKED}.
 */
public final class Rebinding {
  /** The rebinding name; the operating system resolves it to loopback, never elsewhere. */
  public static final String HOST = "localhost";

  /** What the guard is told {@link #HOST} is, and the only loopback address it allows. */
  public static final InetAddress CHECKED = address(new byte[] {127, 0, 0, 2});

  /** Two servers on one port: one at {@link #internal()}, one at {@link #CHECKED}. */
  public record Pair<T>(T internal, T checked, int port) {}

  private final List<String> lookups = new CopyOnWriteArrayList<>();

  /** Where the operating system sends {@link #HOST}: the address a second lookup connects to. */
  public static InetAddress internal() {
    try {
      return InetAddress.getByName(HOST);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("this machine does not resolve localhost", e);
    }
  }

  /**
   * A guard that resolves {@link #HOST} to {@link #CHECKED} and refuses every other internal
   * address, {@link #internal()} included, with the message of the real guard.
   */
  public OutboundGuard guard() {
    Resolver resolver =
        host -> {
          lookups.add(host);
          return HOST.equals(host) ? new InetAddress[] {CHECKED} : Resolver.SYSTEM.resolve(host);
        };
    return new OutboundGuard(true, resolver) {
      @Override
      public List<InetAddress> check(URI uri) {
        List<InetAddress> all = super.check(uri);
        for (InetAddress a : all) {
          if (!a.equals(CHECKED) && OutboundGuard.isInternal(a)) {
            throw new OutboundRefusedException(
                uri.getHost() + " resolves to an internal address (" + a.getHostAddress() + ")");
          }
        }
        return all;
      }
    };
  }

  /** The names the guard has looked up, in order. */
  public List<String> lookups() {
    return List.copyOf(lookups);
  }

  /** A URL on {@link #HOST} at {@code port}. */
  public static URI uri(int port, String path) {
    return URI.create("http://" + HOST + ":" + port + path);
  }

  /**
   * Starts one server at {@link #internal()} and one at {@link #CHECKED} on the same free port, so
   * that one URL can reach either; {@code start} binds a server to an address and port.
   */
  public static <T extends AutoCloseable> Pair<T> onOnePort(
      BiFunction<InetAddress, Integer, T> start) {
    UncheckedIOException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      int port = freePort();
      T internal = null;
      try {
        internal = start.apply(internal(), port);
        return new Pair<>(internal, start.apply(CHECKED, port), port);
      } catch (UncheckedIOException e) {
        // The port was taken on one of the addresses meanwhile: try another.
        last = e;
        close(internal);
      }
    }
    throw last;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, internal())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void close(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static InetAddress address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
