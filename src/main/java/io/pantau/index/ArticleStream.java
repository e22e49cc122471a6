package io.pantau.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.pantau.article.Article;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reads every article an {@link ArticleSearch} selects, page by page, over a point in time: the
 * pages see one snapshot of the index however long the reader takes, and only one page is held at a
 * time, so an export of any size runs in constant memory. Pages are sorted by {@code published}
 * (oldest first) with {@code id} as the tiebreaker and continue with {@code search_after}.
 */
@ApplicationScoped
public class ArticleStream {
  private static final Logger LOG = Logger.getLogger(ArticleStream.class);

  /** The articles of a page per request unless asked otherwise. */
  public static final int DEFAULT_PAGE = 1000;

  /** How long Elasticsearch keeps the point in time between two page requests. */
  static final String KEEP_ALIVE = "5m";

  private final ElasticsearchClient es;
  private final IndexBootstrap bootstrap;

  ArticleStream(ElasticsearchClient es, IndexBootstrap bootstrap) {
    this.es = es;
    this.bootstrap = bootstrap;
  }

  /**
   * One page of articles, with how many stored articles each of their stories has.
   *
   * @param articles the page's articles, holding only the fields asked for
   * @param copies per storyId of the page: the number of stored articles of that story (the whole
   *     index at the snapshot, not only those the search selects)
   */
  public record Page(List<Article> articles, Map<String, Long> copies) {
    public Page {
      articles = List.copyOf(articles);
      copies = Map.copyOf(copies);
    }

    /** The stored articles of this article's story; 1 for an article without a story. */
    public long copiesOf(Article a) {
      return a.storyId() == null ? 1 : copies.getOrDefault(a.storyId(), 1L);
    }
  }

  /**
   * Opens a point in time and returns a cursor over the matching articles. Paging fields of the
   * search are ignored. The caller must close the cursor (it closes the point in time), also when
   * it stops early.
   *
   * @param fields the {@code _source} fields to fetch (e.g. {@code title}, {@code entities})
   * @param pageSize articles per request, 1 to 10,000
   */
  public Cursor open(ArticleSearch search, List<String> fields, int pageSize) {
    if (pageSize < 1 || pageSize > ArticleSearch.MAX_WINDOW) {
      throw new IllegalArgumentException("pageSize must be between 1 and 10000");
    }
    bootstrap.bootstrap();
    String pit =
        ArticleIndex.call(
                () ->
                    es.openPointInTime(
                        o -> o.index(IndexNames.ARTICLES).keepAlive(k -> k.time(KEEP_ALIVE))))
            .id();
    return new Cursor(pit, SelectionQuery.search(search), List.copyOf(fields), pageSize);
  }

  /** How many stored articles each of these stories has; one aggregation. */
  public Map<String, Long> copies(Collection<String> storyIds) {
    bootstrap.bootstrap();
    return storyCounts(storyIds, null);
  }

  private Map<String, Long> storyCounts(Collection<String> storyIds, String pit) {
    if (storyIds.isEmpty()) {
      return Map.of();
    }
    List<FieldValue> values = storyIds.stream().distinct().map(FieldValue::of).toList();
    SearchResponse<Void> r =
        ArticleIndex.call(
            () ->
                es.search(
                    s -> {
                      if (pit == null) {
                        s.index(IndexNames.ARTICLES);
                      } else {
                        s.pit(p -> p.id(pit).keepAlive(k -> k.time(KEEP_ALIVE)));
                      }
                      return s.size(0)
                          .query(
                              q ->
                                  q.terms(
                                      t -> t.field(Fields.STORY_ID).terms(v -> v.value(values))))
                          .aggregations(
                              "stories",
                              a -> a.terms(t -> t.field(Fields.STORY_ID).size(values.size())));
                    },
                    Void.class));
    Map<String, Long> out = new HashMap<>();
    Aggregate a = r.aggregations().get("stories");
    if (a != null && a.isSterms()) {
      a.sterms().buckets().array().forEach(b -> out.put(b.key().stringValue(), b.docCount()));
    }
    return out;
  }

  /** Pages over a point in time; not thread-safe. */
  public final class Cursor implements AutoCloseable {
    private String pit;
    private final Query query;
    private final List<String> fields;
    private final int pageSize;
    private List<FieldValue> after;
    private Page next;
    private boolean done;
    private long read;

    private Cursor(String pit, Query query, List<String> fields, int pageSize) {
      this.pit = pit;
      this.query = query;
      this.fields = fields;
      this.pageSize = pageSize;
    }

    /** True while another non-empty page follows; fetches it. */
    public boolean hasNext() {
      if (next == null && !done) {
        next = fetch();
        if (next == null) {
          done = true;
        }
      }
      return next != null;
    }

    /** The next page. */
    public Page next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Page p = next;
      next = null;
      return p;
    }

    /** Articles handed out so far. */
    public long read() {
      return read;
    }

    private Page fetch() {
      if (pit == null) {
        throw new IllegalStateException("the cursor is closed");
      }
      String id = pit;
      List<FieldValue> from = after;
      SearchResponse<ArticleDocument> r =
          ArticleIndex.call(
              () ->
                  es.search(
                      s -> {
                        s.pit(p -> p.id(id).keepAlive(k -> k.time(KEEP_ALIVE)))
                            .query(query)
                            .size(pageSize)
                            .trackTotalHits(t -> t.enabled(false))
                            .source(src -> src.filter(f -> f.includes(fields)))
                            .sort(o -> o.field(f -> f.field(Fields.PUBLISHED).order(SortOrder.Asc)))
                            .sort(o -> o.field(f -> f.field(Fields.ID).order(SortOrder.Asc)));
                        if (from != null) {
                          s.searchAfter(from);
                        }
                        return s;
                      },
                      ArticleDocument.class));
      if (r.pitId() != null) {
        pit = r.pitId();
      }
      List<Hit<ArticleDocument>> hits = r.hits().hits();
      if (hits.isEmpty()) {
        return null;
      }
      after = hits.get(hits.size() - 1).sort();
      List<Article> articles = new ArrayList<>(hits.size());
      for (Hit<ArticleDocument> h : hits) {
        if (h.source() != null) {
          articles.add(h.source().toArticle());
        }
      }
      read += articles.size();
      return new Page(articles, copies(articles));
    }

    /** One terms aggregation over the page's stories, on the same snapshot. */
    private Map<String, Long> copies(List<Article> articles) {
      Set<String> stories = new LinkedHashSet<>();
      articles.stream().map(Article::storyId).filter(s -> s != null).forEach(stories::add);
      return storyCounts(stories, pit);
    }

    /** Releases the point in time; safe to call more than once. */
    @Override
    public void close() {
      String id = pit;
      pit = null;
      done = true;
      if (id == null) {
        return;
      }
      try {
        ArticleIndex.call(() -> es.closePointInTime(c -> c.id(id)));
      } catch (IndexUnavailableException e) {
        // It expires after KEEP_ALIVE anyway; a failed close must not hide the caller's own error.
        LOG.warnf("Could not close a point in time: %s", e.getMessage());
      }
    }
  }
}
