package io.pantau.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a host name into addresses for {@link OutboundGuard}. The guard is the only place that
 * resolves names of outbound URLs, so that the addresses it checks are the ones connected to.
 */
@FunctionalInterface
public interface Resolver {
  /** The operating system's resolver, through the JVM's cache. */
  Resolver SYSTEM = InetAddress::getAllByName;

  /**
   * Every address of {@code host}, preferred first; an IP literal answers itself.
   *
   * @throws UnknownHostException when the name has no address
   */
  InetAddress[] resolve(String host) throws UnknownHostException;
}
