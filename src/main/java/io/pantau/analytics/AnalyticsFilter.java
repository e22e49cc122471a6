package io.pantau.analytics;

import io.pantau.query.QueryNode;
import io.pantau.query.Selection;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * What every analytics question is asked over.
 *
 * @param selection the query, period, sources and languages; an open {@code from} means {@link
 *     Analytics#DEFAULT_PERIOD} before {@code to}, an open {@code to} means now
 * @param tz the zone in which time buckets start (days, weeks, months)
 */
public record AnalyticsFilter(Selection selection, ZoneId tz) {

  public AnalyticsFilter {
    selection = selection == null ? Selection.all() : selection;
    tz = tz == null ? ZoneOffset.UTC : tz;
  }

  /**
   * A filter from its parts.
   *
   * @param q the parsed Pantau query; {@link QueryNode.MatchAll} means every article
   * @param from inclusive lower bound on {@code published}
   * @param to exclusive upper bound on {@code published}
   * @param sources only these sources (case-insensitive); empty means all
   * @param langs only these languages (case-insensitive); empty means all
   * @param tz the zone in which time buckets start
   */
  public AnalyticsFilter(
      QueryNode q,
      Optional<Instant> from,
      Optional<Instant> to,
      List<String> sources,
      List<String> langs,
      ZoneId tz) {
    this(new Selection(q, from, to, sources, langs), tz);
  }

  /** Every article of the default period, in UTC. */
  public static AnalyticsFilter all() {
    return new AnalyticsFilter(Selection.all(), null);
  }

  /** The same filter with another query. */
  public AnalyticsFilter withQuery(QueryNode query) {
    return new AnalyticsFilter(selection.withQuery(query), tz);
  }

  public QueryNode q() {
    return selection.q();
  }

  public Optional<Instant> from() {
    return selection.from();
  }

  public Optional<Instant> to() {
    return selection.to();
  }

  public List<String> sources() {
    return selection.sources();
  }

  public List<String> langs() {
    return selection.langs();
  }
}
