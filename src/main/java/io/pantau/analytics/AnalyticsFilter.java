package io.pantau.analytics;

import io.pantau.query.QueryNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * What every analytics question is asked over.
 *
 * @param q the parsed Pantau query; {@link QueryNode.MatchAll} means every article
 * @param from inclusive lower bound on {@code published}; empty: {@link Analytics#DEFAULT_PERIOD}
 *     before {@code to}
 * @param to exclusive upper bound on {@code published}; empty: now
 * @param sources only these sources (case-insensitive); empty means all
 * @param langs only these languages (case-insensitive); empty means all
 * @param tz the zone in which time buckets start (days, weeks, months)
 */
public record AnalyticsFilter(
    QueryNode q,
    Optional<Instant> from,
    Optional<Instant> to,
    List<String> sources,
    List<String> langs,
    ZoneId tz) {

  public AnalyticsFilter {
    q = q == null ? new QueryNode.MatchAll() : q;
    from = from == null ? Optional.empty() : from;
    to = to == null ? Optional.empty() : to;
    sources = sources == null ? List.of() : List.copyOf(sources);
    langs = langs == null ? List.of() : List.copyOf(langs);
    tz = tz == null ? ZoneOffset.UTC : tz;
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw new IllegalArgumentException("from must be before to");
    }
  }

  /** Every article of the default period, in UTC. */
  public static AnalyticsFilter all() {
    return new AnalyticsFilter(null, null, null, null, null, null);
  }

  /** The same filter with another query. */
  public AnalyticsFilter withQuery(QueryNode query) {
    return new AnalyticsFilter(query, from, to, sources, langs, tz);
  }
}
