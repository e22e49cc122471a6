package io.pantau.analytics;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import java.time.Duration;

/** The width of a time bucket; calendar-aware in the request's time zone (weeks start Monday). */
public enum Interval {
  hour(CalendarInterval.Hour, Duration.ofHours(1)),
  day(CalendarInterval.Day, Duration.ofDays(1)),
  week(CalendarInterval.Week, Duration.ofDays(7)),
  month(CalendarInterval.Month, Duration.ofDays(28));

  final CalendarInterval calendar;

  /** The shortest such bucket, to bound how many buckets a period can produce. */
  final Duration shortest;

  Interval(CalendarInterval calendar, Duration shortest) {
    this.calendar = calendar;
    this.shortest = shortest;
  }
}
