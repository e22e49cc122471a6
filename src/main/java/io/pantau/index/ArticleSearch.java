package io.pantau.index;

import io.pantau.article.SentimentLabel;
import io.pantau.query.QueryNode;
import io.pantau.query.QueryNode.MatchAll;
import io.pantau.query.Selection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A search over stored articles.
 *
 * @param selection the query, period ({@code published}), sources and languages
 * @param sentiment only this sentiment label
 * @param page zero-based page
 * @param size page size
 */
public record ArticleSearch(
    Selection selection, Optional<SentimentLabel> sentiment, int page, int size) {

  /** The deepest result Elasticsearch pages to by default. */
  public static final int MAX_WINDOW = 10_000;

  public ArticleSearch {
    selection = selection == null ? Selection.all() : selection;
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
  }

  /**
   * A search from its parts.
   *
   * @param q the parsed query; {@link MatchAll} means everything
   * @param from inclusive lower bound on published
   * @param to exclusive upper bound on published
   * @param sources only these sources (case-insensitive); empty means all
   * @param langs only these languages; empty means all
   */
  public ArticleSearch(
      QueryNode q,
      Optional<Instant> from,
      Optional<Instant> to,
      List<String> sources,
      List<String> langs,
      Optional<SentimentLabel> sentiment,
      int page,
      int size) {
    this(new Selection(q, from, to, sources, langs), sentiment, page, size);
  }

  public static ArticleSearch all() {
    return new ArticleSearch(null, null, null, null, null, null, 0, 20);
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
