package io.pantau.web;

import io.pantau.analytics.Analytics;
import io.pantau.analytics.AnalyticsFilter;
import io.pantau.article.SentimentLabel;
import io.pantau.query.QueryException;
import io.pantau.query.QueryNode;
import io.pantau.query.QueryParser;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading what a request says, for every resource: query parameters and body fields parsed into
 * values, each failure a {@link BadRequest} naming the parameter and what it must be.
 */
final class Params {
  /** The largest request body read whole (every body but a bulk one), in bytes. */
  static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

  /** The first and last instants a date parameter may name: years 1 to 9999. */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  /** A short duration: a number of seconds, minutes, hours or days. */
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})([smhd])");

  private Params() {}

  /** The whole body, refused with 413 when it is longer than {@link #MAX_REQUEST_BYTES}. */
  static byte[] readBounded(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
    if (bytes.length > MAX_REQUEST_BYTES) {
      throw new BadRequest(
          413,
          "The body is larger than "
              + (MAX_REQUEST_BYTES / (1024 * 1024))
              + " MiB; send many articles through /api/articles/_bulk.",
          List.of());
    }
    return bytes;
  }

  /** A whole number. */
  static int integer(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new BadRequest(name + " must be a whole number.");
    }
  }

  /** {@code refresh} present and empty, {@code true} or {@code wait_for}. */
  static boolean refresh(String refresh) {
    return refresh != null
        && (refresh.isEmpty() || refresh.equals("true") || refresh.equals("wait_for"));
  }

  /** An instant ({@code Z} or an offset), or a date meaning its start in UTC; absent when blank. */
  static Optional<Instant> instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    try {
      return Optional.of(withinYears(name, Instant.parse(v)));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(
            withinYears(name, LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()));
      } catch (DateTimeParseException e2) {
        throw notAnInstant(name);
      }
    }
  }

  /** An instant, an instant with an offset, or a date meaning its start in {@code zone}. */
  static Optional<Instant> instant(String name, String value, ZoneId zone) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    try {
      return Optional.of(withinYears(name, OffsetDateTime.parse(v).toInstant()));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(withinYears(name, LocalDate.parse(v).atStartOfDay(zone).toInstant()));
      } catch (DateTimeParseException e2) {
        throw notAnInstant(name);
      }
    }
  }

  private static BadRequest notAnInstant(String name) {
    return new BadRequest(
        name + " must be an ISO-8601 date or instant, e.g. 2025-06-16 or 2025-06-16T00:00:00Z.");
  }

  /**
   * The instant, when it lies in the years 1 to 9999; ISO-8601 allows years far beyond, which
   * overflow millisecond arithmetic and Elasticsearch's date fields.
   */
  static Instant withinYears(String name, Instant t) {
    if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
      throw new BadRequest(name + " must lie between the years 1 and 9999.");
    }
    return t;
  }

  /** The IANA time zone {@code tz}, UTC when blank. */
  static ZoneId zone(String tz) {
    if (tz == null || tz.isBlank()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(tz.trim());
    } catch (DateTimeException e) {
      throw new BadRequest("tz must be an IANA time zone such as Asia/Jakarta or UTC.");
    }
  }

  /** Repeated and comma-separated values (sources, languages) as one list, blanks dropped. */
  static List<String> list(List<String> values) {
    if (values == null) {
      return List.of();
    }
    return values.stream()
        .flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .toList();
  }

  /** A Pantau query; a syntax error answers 400 with its position. */
  static QueryNode query(String text) {
    try {
      return QueryParser.parse(text);
    } catch (QueryException e) {
      throw new BadRequest("q: " + e.getMessage());
    }
  }

  /** positive, neutral or negative, any case; absent when blank. */
  static Optional<SentimentLabel> sentiment(String sentiment) {
    if (sentiment == null || sentiment.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(SentimentLabel.valueOf(sentiment.trim().toLowerCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("sentiment must be positive, neutral or negative.");
    }
  }

  /** One of the constants of {@code type}, named in any case. */
  static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.trim().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequest(
          name
              + " must be one of "
              + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())
              + ".");
    }
  }

  /** The number of rows an analytics answer lists: 1 to {@link Analytics#MAX_SIZE}. */
  static int size(String value) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n < 1 || n > Analytics.MAX_SIZE) {
        throw new BadRequest("size must be between 1 and " + Analytics.MAX_SIZE + ".");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequest("size must be a whole number between 1 and " + Analytics.MAX_SIZE + ".");
    }
  }

  /**
   * A duration: ISO-8601 ({@code PT1H}) or a number with s, m, h or d ({@code 30m}); null when
   * blank. Anything else answers 400 with {@code message}.
   */
  static Duration duration(String value, String message) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String w = value.trim();
    Matcher m = SHORT_DURATION.matcher(w.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(w);
    } catch (DateTimeParseException e) {
      throw new BadRequest(message);
    }
  }

  /**
   * The period, zone, sources, languages and (when {@code withQuery}) the one query of an analytics
   * or report request. Only {@code /api/analytics/volume} takes several {@code q}, and reads them
   * itself.
   */
  static AnalyticsFilter filter(AnalyticsParams p, boolean withQuery) {
    ZoneId zone = zone(p.tz);
    List<String> qs = p.q == null ? List.of() : p.q;
    if (withQuery && qs.size() > 1) {
      throw new BadRequest(
          "q may be given once here; only /api/analytics/volume compares several.");
    }
    QueryNode q = withQuery && !qs.isEmpty() ? query(qs.get(0)) : new QueryNode.MatchAll();
    try {
      return new AnalyticsFilter(
          q,
          instant("from", p.from, zone),
          instant("to", p.to, zone),
          list(p.source),
          list(p.lang),
          zone);
    } catch (IllegalArgumentException e) {
      throw new BadRequest(e.getMessage() + ".");
    }
  }
}
