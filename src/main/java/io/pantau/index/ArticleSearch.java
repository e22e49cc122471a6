package io.pantau.index;

import io.pantau.article.SentimentLabel;
import io.pantau.query.QueryNode;
import io.pantau.query.QueryNode.MatchAll;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A search over stored articles.
 *
 * @param q the parsed query; {@link MatchAll} means everything
 * @param from inclusive lower bound on published
 * @param to exclusive upper bound on published
 * @param sources only these sources (case-insensitive); empty means all
 * @param langs only these languages; empty means all
 * @param sentiment only this sentiment label
 * @param page zero-based page
 * @param size page size
 */
public record ArticleSearch(
    QueryNode q,
    Optional<Instant> from,
    Optional<Instant> to,
    List<String> sources,
    List<String> langs,
    Optional<SentimentLabel> sentiment,
    int page,
    int size) {

  /** The deepest result Elasticsearch pages to by default. */
  public static final int MAX_WINDOW = 10_000;

  public ArticleSearch {
    q = q == null ? new MatchAll() : q;
    from = from == null ? Optional.empty() : from;
    to = to == null ? Optional.empty() : to;
    sources = sources == null ? List.of() : List.copyOf(sources);
    langs = langs == null ? List.of() : List.copyOf(langs);
    sentiment = sentiment == null ? Optional.empty() : sentiment;
    if (page < 0) {
      throw new IllegalArgumentException("page must be 0 or more");
    }
    if (size < 0 || size > 200) {
      throw new IllegalArgumentException("size must be between 0 and 200");
    }
    if ((long) page * size + size > MAX_WINDOW) {
      throw new IllegalArgumentException(
          "page * size must stay within the first " + MAX_WINDOW + " results");
    }
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw new IllegalArgumentException("from must be before to");
    }
  }

  public static ArticleSearch all() {
    return new ArticleSearch(null, null, null, null, null, null, 0, 20);
  }
}
