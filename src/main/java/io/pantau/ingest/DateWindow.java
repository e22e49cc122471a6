package io.pantau.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The dates Pantau believes for an article: from {@code earliest} to {@code ahead} past now.
 *
 * <p>Articles are partitioned by publication time, so every distinct date that input can name is a
 * partition it can make Elasticsearch create. Without a bound, one bulk request with a thousand
 * distinct years exhausted the cluster's shard limit and stalled ingest for everyone. A caller's
 * date outside the window is refused at the door; a date the cleaner reads from the page itself
 * (metadata, date lines, relative phrases) is untrusted and falls back to the fetch time.
 *
 * @param earliest the first instant accepted
 * @param ahead how far past now a date may lie
 */
record DateWindow(Instant earliest, Duration ahead) {
  /** Instant's own limit lies far past what index names and the date type can hold. */
  private static final Instant LAST_REPRESENTABLE = Instant.parse("9999-12-31T23:59:59Z");

  DateWindow {
    if (earliest.isBefore(Instant.parse("0001-01-01T00:00:00Z"))) {
      throw new IllegalArgumentException(
          "pantau.ingest.published-earliest must be in the year 1 or later, not " + earliest);
    }
    if (ahead.isNegative()) {
      throw new IllegalArgumentException(
          "pantau.ingest.published-ahead must not be negative, not " + ahead);
    }
  }

  static DateWindow of(LocalDate earliest, Duration ahead) {
    return new DateWindow(earliest.atStartOfDay(ZoneOffset.UTC).toInstant(), ahead);
  }

  /** The last instant accepted when it is {@code now}. */
  Instant latest(Instant now) {
    Duration room = Duration.between(now, LAST_REPRESENTABLE);
    return ahead.compareTo(room) >= 0 ? LAST_REPRESENTABLE : now.plus(ahead);
  }

  boolean contains(Instant at, Instant now) {
    return !at.isBefore(earliest) && !at.isAfter(latest(now));
  }

  /** Why {@code at} is refused, or empty when it is inside the window. */
  Optional<String> refusal(String field, Instant at, Instant now) {
    if (contains(at, now)) {
      return Optional.empty();
    }
    return Optional.of(
        field
            + " "
            + at
            + " is outside the accepted dates "
            + day(earliest)
            + " to "
            + day(latest(now))
            + " (pantau.ingest.published-earliest, pantau.ingest.published-ahead)");
  }

  private static LocalDate day(Instant at) {
    return at.atOffset(ZoneOffset.UTC).toLocalDate();
  }
}
