package io.pantau.analytics;

import java.time.Duration;
import java.time.Instant;

/** A resolved period {@code [from, to)}: the filter's bounds with the defaults filled in. */
record Window(Instant from, Instant to) {
  Window {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
  }

  static Window of(AnalyticsFilter f, Instant now, Duration defaultPeriod) {
    Instant to = f.to().orElse(now);
    Instant from = f.from().orElse(to.minus(defaultPeriod));
    return new Window(from, to);
  }

  Duration length() {
    return Duration.between(from, to);
  }

  /** The period of equal length that ends where this one starts. */
  Window previous() {
    return new Window(from.minus(length()), from);
  }
}
