package io.pantau.security;

import io.pantau.config.PantauConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Counts failed authentications per client address in fixed windows. Once an address has had {@code
 * max-auth-failures} wrong keys in a window, its further requests are refused (429) until the
 * window ends, without the key being looked up, remembered or compared: that is what keeps a flood
 * of random keys from costing database lookups and memory.
 *
 * <p>The limit counts failures only, and a key that has already worked from an address keeps
 * working from it while the address is refused: someone sending wrong keys from behind the same
 * proxy or NAT does not lock out the people already signed in there. A key that has not worked from
 * the address before waits for the window like any other, so a refused address learns nothing about
 * the keys it tries. IPv6 clients are counted per /64, the block one subscriber usually holds. At
 * most {@code tracked-addresses} addresses are tracked; the least recently seen are forgotten
 * first.
 */
@ApplicationScoped
class FailureLimiter {
  /** Keys remembered per address as having worked from it. */
  static final int GOOD_KEYS_PER_ADDRESS = 4;

  private static final class Client {
    long windowStart;
    int failures;
    final ArrayDeque<String> goodKeys = new ArrayDeque<>(GOOD_KEYS_PER_ADDRESS);
  }

  private final int maxFailures;
  private final long windowNanos;
  private final LongSupplier nanoClock;
  private final LinkedHashMap<String, Client> clients;

  @Inject
  FailureLimiter(PantauConfig config) {
    this(
        config.security().maxAuthFailures(),
        config.security().authFailureWindow(),
        config.security().trackedAddresses(),
        System::nanoTime);
  }

  FailureLimiter(int maxFailures, Duration window, int trackedAddresses, LongSupplier nanoClock) {
    if (maxFailures < 1 || trackedAddresses < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException(
          "pantau.security.max-auth-failures, auth-failure-window and tracked-addresses must be"
              + " positive");
    }
    this.maxFailures = maxFailures;
    this.windowNanos = window.toNanos();
    this.nanoClock = nanoClock;
    this.clients =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Client> eldest) {
            return size() > trackedAddresses;
          }
        };
  }

  /**
   * How long the address must wait before a key it has not used successfully is checked again;
   * empty when the key may be checked now.
   */
  synchronized Optional<Duration> refusal(String address, String keyHash) {
    Client c = clients.get(address);
    if (c == null) {
      return Optional.empty();
    }
    long now = nanoClock.getAsLong();
    roll(c, now);
    if (c.failures < maxFailures || c.goodKeys.contains(keyHash)) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(c.windowStart + windowNanos - now));
  }

  /** Counts a wrong key sent from the address. */
  synchronized void failed(String address) {
    Client c = clients.computeIfAbsent(address, a -> new Client());
    long now = nanoClock.getAsLong();
    if (c.failures == 0) {
      c.windowStart = now;
    } else {
      roll(c, now);
    }
    c.failures++;
  }

  /** Remembers that the key worked from the address. */
  synchronized void succeeded(String address, String keyHash) {
    Client c = clients.computeIfAbsent(address, a -> new Client());
    if (c.goodKeys.contains(keyHash)) {
      return;
    }
    if (c.goodKeys.size() == GOOD_KEYS_PER_ADDRESS) {
      c.goodKeys.removeFirst();
    }
    c.goodKeys.addLast(keyHash);
  }

  synchronized int trackedAddresses() {
    return clients.size();
  }

  private void roll(Client c, long now) {
    if (c.failures > 0 && now - c.windowStart >= windowNanos) {
      c.failures = 0;
      c.windowStart = now;
    }
  }

  /**
   * The address that failures are counted under: an IPv4 address as it is, an IPv6 address as its
   * /64 prefix.
   */
  static String clientOf(String host) {
    if (host == null || host.isEmpty()) {
      return "unknown";
    }
    if (host.indexOf(':') < 0) {
      return host;
    }
    try {
      // A literal: parsed, never resolved.
      byte[] b = InetAddress.getByName(host).getAddress();
      if (b.length != 16) {
        return host;
      }
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        s.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
      }
      return s.append(":/64").toString();
    } catch (UnknownHostException e) {
      return host;
    }
  }
}
