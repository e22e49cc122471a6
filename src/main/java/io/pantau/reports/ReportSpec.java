package io.pantau.reports;

import io.pantau.analytics.Analytics;
import io.pantau.analytics.AnalyticsFilter;
import io.pantau.index.ArticleSearch;
import io.pantau.query.QueryNode;
import io.pantau.query.Selection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * What one report covers, with its period resolved so that every part of the file (rows, summaries,
 * charts) is asked over exactly the same {@code [from, to)}.
 *
 * @param queryText the query as the user wrote it; empty means every article
 * @param selection the parsed query, sources and languages, with both ends of the period present
 * @param tz the zone of day buckets and of the dates shown
 * @param snapshot when the report was started
 */
public record ReportSpec(String queryText, Selection selection, ZoneId tz, Instant snapshot) {

  public ReportSpec {
    queryText = queryText == null ? "" : queryText.trim();
    if (selection.from().isEmpty() || selection.to().isEmpty()) {
      throw new IllegalArgumentException("a report needs both ends of its period");
    }
    // Shown as "UTC" rather than "Z" in files and mail.
    tz = tz.normalized().equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : tz;
  }

  /**
   * A report from its parts.
   *
   * @param q the parsed query
   * @param from inclusive start of the period
   * @param to exclusive end of the period
   * @param sources only these sources; empty means all
   * @param langs only these languages; empty means all
   */
  public ReportSpec(
      String queryText,
      QueryNode q,
      Instant from,
      Instant to,
      List<String> sources,
      List<String> langs,
      ZoneId tz,
      Instant snapshot) {
    this(
        queryText,
        new Selection(
            q, Optional.of(from), Optional.of(to), List.copyOf(sources), List.copyOf(langs)),
        tz,
        snapshot);
  }

  /**
   * A report over an analytics filter, whose open ends are filled in as the analytics fill them: to
   * defaults to now and from to {@link Analytics#DEFAULT_PERIOD} before to.
   */
  public static ReportSpec of(String queryText, AnalyticsFilter f, Instant now) {
    Instant to = f.to().orElse(now);
    Instant from = f.from().orElse(to.minus(Analytics.DEFAULT_PERIOD));
    return new ReportSpec(queryText, f.selection().within(from, to), f.tz(), now);
  }

  /** A report over the period of this length that ends now, as scheduled reports use. */
  public static ReportSpec lastPeriod(
      String queryText,
      QueryNode q,
      Duration period,
      List<String> sources,
      List<String> langs,
      ZoneId tz,
      Instant now) {
    return new ReportSpec(queryText, q, now.minus(period), now, sources, langs, tz, now);
  }

  public QueryNode q() {
    return selection.q();
  }

  /** Inclusive start of the period. */
  public Instant from() {
    return selection.from().orElseThrow();
  }

  /** Exclusive end of the period. */
  public Instant to() {
    return selection.to().orElseThrow();
  }

  public List<String> sources() {
    return selection.sources();
  }

  public List<String> langs() {
    return selection.langs();
  }

  /** The same selection as an analytics filter, with both ends explicit. */
  AnalyticsFilter filter() {
    return new AnalyticsFilter(selection, tz);
  }

  /** The same selection as an article search (paging unused). */
  ArticleSearch search() {
    return new ArticleSearch(selection, Optional.empty(), 0, 0);
  }
}
