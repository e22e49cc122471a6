package io.pantau.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The failure limit and the bounded key cache, on a clock the test moves. */
class FailureLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private FailureLimiter limiter(int max) {
    return new FailureLimiter(max, Duration.ofMinutes(1), 100, now::get);
  }

  @Test
  void anAddressPastTheLimitIsRefusedUntilTheWindowEndsAndOnlyForKeysThatNeverWorkedThere() {
    FailureLimiter l = limiter(3);
    l.succeeded("10.0.0.1", "good");
    for (int i = 0; i < 3; i++) {
      assertEquals(Optional.empty(), l.refusal("10.0.0.1", "wrong-" + i), "failure " + i);
      l.failed("10.0.0.1");
    }
    Optional<Duration> wait = l.refusal("10.0.0.1", "wrong-3");
    assertEquals(Optional.of(Duration.ofMinutes(1)), wait);
    assertEquals(Optional.empty(), l.refusal("10.0.0.1", "good"), "a key that worked goes on");
    assertTrue(l.refusal("10.0.0.1", "valid-but-new").isPresent(), "no oracle for new keys");
    assertEquals(Optional.empty(), l.refusal("10.0.0.2", "wrong-3"), "other addresses are apart");

    now.addAndGet(Duration.ofSeconds(45).toNanos());
    assertEquals(Optional.of(Duration.ofSeconds(15)), l.refusal("10.0.0.1", "wrong-3"));
    now.addAndGet(Duration.ofSeconds(15).toNanos());
    assertEquals(Optional.empty(), l.refusal("10.0.0.1", "wrong-3"), "a new window");
  }

  @Test
  void trackedAddressesAndRememberedGoodKeysAreBounded() {
    FailureLimiter l = limiter(1);
    for (int i = 0; i < 10_000; i++) {
      l.failed("10.1." + (i >> 8) + "." + (i & 255));
    }
    assertEquals(100, l.trackedAddresses());
    for (int i = 0; i <= FailureLimiter.GOOD_KEYS_PER_ADDRESS; i++) {
      l.succeeded("10.0.0.9", "key-" + i);
    }
    l.failed("10.0.0.9");
    assertTrue(l.refusal("10.0.0.9", "key-0").isPresent(), "the oldest good key was forgotten");
    assertEquals(Optional.empty(), l.refusal("10.0.0.9", "key-1"));
  }

  @Test
  void ipv6ClientsCountPerSlash64() {
    assertEquals(
        FailureLimiter.clientOf("2001:db8:1:2:aaaa::1"),
        FailureLimiter.clientOf("2001:db8:1:2:bbbb:cccc:dddd:eeee"));
    assertEquals("2001:db8:1:2::/64", FailureLimiter.clientOf("2001:db8:1:2::7"));
    assertEquals("203.0.113.5", FailureLimiter.clientOf("203.0.113.5"));
  }

  @Test
  void keyChecksAreBoundedInNumberAndTime() {
    ExpiringLru<Role> cache = new ExpiringLru<>(1_000, Duration.ofSeconds(30).toNanos(), now::get);
    for (int i = 0; i < 100_000; i++) {
      cache.put("k" + i, Role.viewer);
    }
    assertEquals(1_000, cache.size());
    assertNull(cache.get("k0"), "the least recently used went first");
    assertEquals(Role.viewer, cache.get("k99999"));
    now.addAndGet(Duration.ofSeconds(30).toNanos());
    assertNull(cache.get("k99999"), "expired");
  }
}
