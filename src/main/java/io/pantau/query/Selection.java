package io.pantau.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which articles a question is about: the one selection that searches, analytics and reports each
 * wrap with what they add (paging, a time zone, a resolved period).
 *
 * @param q the parsed query; {@link QueryNode.MatchAll} means every article
 * @param from inclusive lower bound on the publication time; empty: unbounded (or a default the
 *     asker fills in)
 * @param to exclusive upper bound on the publication time; empty: unbounded (or now)
 * @param sources only these sources (case-insensitive); empty means all
 * @param langs only these languages (case-insensitive); empty means all
 */
public record Selection(
    QueryNode q,
    Optional<Instant> from,
    Optional<Instant> to,
    List<String> sources,
    List<String> langs) {

  public Selection {
    q = q == null ? new QueryNode.MatchAll() : q;
    from = from == null ? Optional.empty() : from;
    to = to == null ? Optional.empty() : to;
    sources = sources == null ? List.of() : List.copyOf(sources);
    langs = langs == null ? List.of() : List.copyOf(langs);
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw new IllegalArgumentException("from must be before to");
    }
  }

  /** Every article, with no bounds. */
  public static Selection all() {
    return new Selection(null, null, null, null, null);
  }

  /** The same selection with another query. */
  public Selection withQuery(QueryNode query) {
    return new Selection(query, from, to, sources, langs);
  }

  /** The same selection over the period {@code [from, to)}. */
  public Selection within(Instant from, Instant to) {
    return new Selection(q, Optional.of(from), Optional.of(to), sources, langs);
  }

  /** Whether the query restricts anything. */
  public boolean hasQuery() {
    return !(q instanceof QueryNode.MatchAll);
  }
}
