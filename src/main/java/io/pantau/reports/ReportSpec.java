package io.pantau.reports;

import io.pantau.analytics.Analytics;
import io.pantau.analytics.AnalyticsFilter;
import io.pantau.index.ArticleSearch;
import io.pantau.query.QueryNode;
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
 * @param q the parsed query
 * @param from inclusive start of the period
 * @param to exclusive end of the period
 * @param sources only these sources; empty means all
 * @param langs only these languages; empty means all
 * @param tz the zone of day buckets and of the dates shown
 * @param snapshot when the report was started
 */
public record ReportSpec(
    String queryText,
    QueryNode q,
    Instant from,
    Instant to,
    List<String> sources,
    List<String> langs,
    ZoneId tz,
    Instant snapshot) {

  public ReportSpec {
    queryText = queryText == null ? "" : queryText.trim();
    sources = List.copyOf(sources);
    langs = List.copyOf(langs);
    // Shown as "UTC" rather than "Z" in files and mail.
    tz = tz.normalized().equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : tz;
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
  }

  /**
   * A report over an analytics filter, whose open ends are filled in as the analytics fill them: to
   * defaults to now and from to {@link Analytics#DEFAULT_PERIOD} before to.
   */
  public static ReportSpec of(String queryText, AnalyticsFilter f, Instant now) {
    Instant to = f.to().orElse(now);
    Instant from = f.from().orElse(to.minus(Analytics.DEFAULT_PERIOD));
    return new ReportSpec(queryText, f.q(), from, to, f.sources(), f.langs(), f.tz(), now);
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

  /** The same selection as an analytics filter, with both ends explicit. */
  AnalyticsFilter filter() {
    return new AnalyticsFilter(q, Optional.of(from), Optional.of(to), sources, langs, tz);
  }

  /** The same selection as an article search (paging unused). */
  ArticleSearch search() {
    return new ArticleSearch(
        q, Optional.of(from), Optional.of(to), sources, langs, Optional.empty(), 0, 0);
  }
}
