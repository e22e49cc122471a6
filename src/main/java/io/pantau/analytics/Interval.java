package io.pantau.analytics;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** The width of a time bucket; calendar-aware in the request's time zone (weeks start Monday). */
public enum Interval {
  hour(ChronoUnit.HOURS, Duration.ofHours(1)),
  day(ChronoUnit.DAYS, Duration.ofDays(1)),
  week(ChronoUnit.WEEKS, Duration.ofDays(7)),
  month(ChronoUnit.MONTHS, Duration.ofDays(28));

  /** The calendar unit of one bucket. */
  final ChronoUnit unit;

  /** The shortest such bucket, to bound how many buckets a period can produce. */
  final Duration shortest;

  Interval(ChronoUnit unit, Duration shortest) {
    this.unit = unit;
    this.shortest = shortest;
  }
}
