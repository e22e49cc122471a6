package io.pantau.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the analytics resolve a period and which questions they refuse before any request. */
class WindowAndLimitsTest {
  private static final Instant FROM = Instant.parse("2025-06-16T00:00:00Z");
  private static final Instant TO = Instant.parse("2025-06-19T00:00:00Z");
  private static final Window W = new Window(FROM, TO);

  @Test
  void periodsDefaultToTheNinetyDaysBeforeNowAndRejectAnEmptyOne() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Window w = Window.of(AnalyticsFilter.all(), now, Analytics.DEFAULT_PERIOD);
    assertEquals(now, w.to());
    assertEquals(now.minus(Duration.ofDays(90)), w.from());
    assertEquals(new Window(now.minus(Duration.ofDays(180)), w.from()), w.previous());
    assertThrows(IllegalArgumentException.class, () -> new Window(now, now));
  }

  @Test
  void tooManyBucketsAreRefusedBeforeAnyRequest() {
    Analytics.checkBuckets(W, Interval.hour);
    Window twoYears = new Window(FROM, FROM.plus(Duration.ofDays(730)));
    Analytics.checkBuckets(twoYears, Interval.day);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Analytics.checkBuckets(twoYears, Interval.hour));
    assertTrue(e.getMessage().contains("longer interval"), e.getMessage());
  }

  @Test
  void sizesOutsideOneToTwoHundredAreRefused() {
    Analytics.checkSize(1);
    Analytics.checkSize(200);
    assertThrows(IllegalArgumentException.class, () -> Analytics.checkSize(0));
    assertThrows(IllegalArgumentException.class, () -> Analytics.checkSize(201));
  }
}
