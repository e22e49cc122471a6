package io.pantau.ingest;

import io.pantau.article.RawArticle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a raw article before it is accepted: something to read, sane sizes, valid dates inside the
 * {@link DateWindow}. Every field is checked here, at the door, because an article accepted is
 * journaled and queued: a value that fails later would fail in a worker, far from its caller.
 */
final class RawArticleValidator {
  static final int MAX_URL = 2048;
  static final int MAX_TITLE = 1000;
  static final int MAX_SHORT = 200;

  private final int maxTextChars;
  private final DateWindow window;

  RawArticleValidator(int maxTextChars, DateWindow window) {
    this.maxTextChars = maxTextChars;
    this.window = window;
  }

  /** The problems with this article; empty when it may be accepted. */
  List<String> problems(RawArticle raw) {
    return problems(raw, Instant.now());
  }

  List<String> problems(RawArticle raw, Instant now) {
    List<String> out = new ArrayList<>();
    if (raw == null) {
      out.add("the article is empty");
      return out;
    }
    if (!raw.hasContent()) {
      out.add("one of body or html is required");
    }
    tooLong(out, "body", raw.body(), maxTextChars);
    tooLong(out, "html", raw.html(), maxTextChars);
    tooLong(out, "url", raw.url(), MAX_URL);
    tooLong(out, "title", raw.title(), MAX_TITLE);
    tooLong(out, "source", raw.source(), MAX_SHORT);
    tooLong(out, "lang", raw.lang(), 16);
    if (raw.url() != null
        && !raw.url().isBlank()
        && ArticleIdentity.canonicalUrl(raw.url()).isEmpty()) {
      out.add("url must be an absolute http or https URL");
    }
    if (raw.published() != null && !raw.published().isBlank()) {
      Optional<Instant> published = parseDate(raw.published());
      if (published.isEmpty()) {
        out.add("published must be an ISO-8601 date or date-time, e.g. 2025-06-16T08:00:00Z");
      } else {
        window.refusal("published", published.get(), now).ifPresent(out::add);
      }
    }
    if (raw.fetchedAt() != null) {
      window.refusal("fetchedAt", raw.fetchedAt(), now).ifPresent(out::add);
    }
    if (raw.lang() != null
        && !raw.lang().isBlank()
        && !raw.lang().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
      out.add("lang must be a language code such as id or en");
    }
    return out;
  }

  static Optional<Instant> parseDate(String s) {
    String p = s.trim();
    try {
      return Optional.of(OffsetDateTime.parse(p).toInstant());
    } catch (DateTimeParseException e) {
      // try the other ISO forms
    }
    try {
      return Optional.of(Instant.parse(p));
    } catch (DateTimeParseException e) {
      // try a plain date
    }
    try {
      return Optional.of(LocalDate.parse(p).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static void tooLong(List<String> out, String field, String value, int max) {
    if (value != null && value.length() > max) {
      out.add(field + " is longer than " + max + " characters");
    }
  }
}
