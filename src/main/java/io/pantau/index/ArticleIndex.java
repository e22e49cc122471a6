package io.pantau.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.ShardFailure;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.CountResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.transport.TransportException;
import io.pantau.article.Article;
import io.pantau.article.EnrichedArticle;
import io.pantau.config.PantauConfig;
import io.pantau.query.QueryText;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * The article index: writes articles idempotently, reads them back, searches them.
 *
 * <p>Ids are stable, so writes use {@code create}: a second write of the same article is a
 * conflict, reported as {@code duplicate}, and never overwrites. Because articles are partitioned
 * by publication time, a copy whose date came out differently could land in another partition; an
 * ids lookup over the alias before each batch catches that.
 */
@ApplicationScoped
public class ArticleIndex {
  private static final Logger LOG = Logger.getLogger(ArticleIndex.class);

  private final ElasticsearchClient es;
  private final IndexBootstrap bootstrap;
  private final StoryResolver stories;
  private final String searchTimeout;

  ArticleIndex(ElasticsearchClient es, IndexBootstrap bootstrap, PantauConfig config) {
    this.es = es;
    this.searchTimeout = config.index().searchTimeout();
    this.bootstrap = bootstrap;
    this.stories = new StoryResolver(es, config.index().refreshInterval());
  }

  /**
   * Writes a batch. Each article gets an outcome, in order; one bad article never sinks the batch.
   *
   * @param refresh make the written articles visible to search before returning
   */
  public List<WriteOutcome> write(List<IndexWrite> writes, boolean refresh) {
    if (writes.isEmpty()) {
      return List.of();
    }
    try {
      return writeBootstrapped(writes, refresh);
    } catch (IndexUnavailableException e) {
      if (e.getCause() instanceof ElasticsearchException ee
          && ee.error() != null
          && "index_not_found_exception".equals(ee.error().type())) {
        // the index went away under us: the caller's retry makes it again
        LOG.warnf("The article index is missing; it is made again on the next attempt");
        bootstrap.forget();
      }
      throw e;
    }
  }

  private List<WriteOutcome> writeBootstrapped(List<IndexWrite> writes, boolean refresh) {
    bootstrap.bootstrap();
    List<String> ids = writes.stream().map(IndexWrite::id).toList();
    Set<String> existing = existingIds(ids);
    List<IndexWrite> fresh = new ArrayList<>();
    for (IndexWrite w : writes) {
      if (!existing.contains(w.id())) {
        fresh.add(w);
      }
    }
    List<EnrichedArticle> linked =
        stories.resolve(fresh.stream().map(IndexWrite::article).toList());
    java.util.Map<String, EnrichedArticle> byId = new java.util.HashMap<>();
    linked.forEach(e -> byId.putIfAbsent(e.article().id(), e));
    WriteOutcome[] outcomes = new WriteOutcome[writes.size()];
    Set<String> inBatch = new HashSet<>();
    List<Integer> sent = new ArrayList<>();
    BulkRequest.Builder bulk = new BulkRequest.Builder();
    for (int i = 0; i < writes.size(); i++) {
      IndexWrite w = writes.get(i);
      if (existing.contains(w.id()) || !inBatch.add(w.id())) {
        outcomes[i] = WriteOutcome.duplicate(w.id());
        continue;
      }
      String index;
      ArticleDocument doc;
      try {
        index = bootstrap.ensurePartition(w.article().article().published());
        doc = ArticleDocument.of(byId.get(w.id()), w.searchText());
      } catch (IndexUnavailableException e) {
        throw e;
      } catch (RuntimeException e) {
        // This article's own fault (a date no partition can hold, a partition Elasticsearch will
        // not create): it fails alone, its neighbours are written.
        String reason = "cannot be stored: " + e.getMessage();
        LOG.warnf("Article %s was not indexed: %s", w.id(), reason);
        outcomes[i] = WriteOutcome.failed(w.id(), reason);
        continue;
      }
      bulk.operations(op -> op.create(c -> c.index(index).id(w.id()).document(doc)));
      sent.add(i);
    }
    if (!sent.isEmpty()) {
      if (refresh) {
        // The caller reads its write next: refresh now rather than wait out the interval.
        bulk.refresh(Refresh.True);
      }
      BulkResponse response = callWrite(() -> es.bulk(bulk.build()));
      List<BulkResponseItem> items = response.items();
      for (int k = 0; k < items.size(); k++) {
        int i = sent.get(k);
        BulkResponseItem item = items.get(k);
        String id = writes.get(i).id();
        if (item.error() == null) {
          outcomes[i] = WriteOutcome.indexed(byId.get(id));
        } else if (item.status() == 409) {
          outcomes[i] = WriteOutcome.duplicate(id);
        } else {
          String reason = item.error().type() + ": " + item.error().reason();
          LOG.warnf("Article %s was not indexed: %s", id, reason);
          outcomes[i] = WriteOutcome.failed(id, reason);
        }
      }
    }
    return List.of(outcomes);
  }

  /** The stored article with this id. */
  public Optional<Article> get(String id) {
    bootstrap.bootstrap();
    SearchResponse<ArticleDocument> r =
        call(
            () ->
                es.search(
                    s -> s.index(IndexNames.ARTICLES).size(1).query(q -> q.ids(i -> i.values(id))),
                    ArticleDocument.class));
    return r.hits().hits().stream()
        .map(Hit::source)
        .filter(d -> d != null)
        .map(ArticleDocument::toArticle)
        .findFirst();
  }

  /** Searches stored articles, newest first. */
  public SearchPage search(ArticleSearch search) {
    bootstrap.bootstrap();
    Query query = SelectionQuery.search(search);
    SearchResponse<ArticleDocument> r =
        call(
            () ->
                es.search(
                    s ->
                        s.index(IndexNames.ARTICLES)
                            .query(query)
                            .allowPartialSearchResults(false)
                            .timeout(searchTimeout)
                            .from(search.page() * search.size())
                            .size(search.size())
                            .trackTotalHits(t -> t.enabled(true))
                            .sort(
                                o -> o.field(f -> f.field(Fields.PUBLISHED).order(SortOrder.Desc)))
                            .sort(o -> o.field(f -> f.field(Fields.ID).order(SortOrder.Asc))),
                    ArticleDocument.class));
    requireComplete(Boolean.TRUE.equals(r.timedOut()), searchTimeout);
    List<Article> items =
        r.hits().hits().stream()
            .map(Hit::source)
            .filter(d -> d != null)
            .map(ArticleDocument::toArticle)
            .toList();
    long total = r.hits().total() == null ? items.size() : r.hits().total().value();
    Set<String> inflections = new TreeSet<>();
    for (Article a : items) {
      String text = String.join("\n", nonNull(a.title()), nonNull(a.lead()), nonNull(a.body()));
      inflections.addAll(QueryText.inflectedWords(search.q(), a.lang(), text));
    }
    return new SearchPage(total, items, List.copyOf(inflections));
  }

  /** How many articles match the search's filters and query (paging ignored). */
  public long count(ArticleSearch search) {
    bootstrap.bootstrap();
    Query query = SelectionQuery.search(search);
    CountResponse r = call(() -> es.count(c -> c.index(IndexNames.ARTICLES).query(query)));
    if (r.shards().failed().longValue() > 0) {
      // _count has no allow_partial_search_results: a failed shard would silently count 0
      ShardFailure f = r.shards().failures().isEmpty() ? null : r.shards().failures().get(0);
      if (f != null && tooBroad(f.reason())) {
        throw new SearchRefusedException(
            "The query expands to too many words for Elasticsearch; use a longer prefix or whole"
                + " words.",
            null);
      }
      throw new IndexUnavailableException(
          "Elasticsearch could not count on "
              + r.shards().failed()
              + " shard(s): "
              + (f == null ? "no reason given" : f.reason().reason()),
          null);
    }
    return r.count();
  }

  /** How many articles are stored. */
  public long count() {
    return count(ArticleSearch.all());
  }

  /** Whether Elasticsearch answers a cluster health request within two seconds. */
  public boolean reachable() {
    try {
      es.cluster().health(h -> h.timeout(t -> t.time("2s")));
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Makes everything written so far visible to search. */
  public void refresh() {
    call(() -> es.indices().refresh(r -> r.index(IndexNames.ARTICLES)));
  }

  private Set<String> existingIds(List<String> ids) {
    SearchResponse<Void> r =
        call(
            () ->
                es.search(
                    s ->
                        s.index(IndexNames.ARTICLES)
                            .size(ids.size())
                            .source(src -> src.fetch(false))
                            .query(q -> q.ids(i -> i.values(ids))),
                    Void.class));
    Set<String> found = new HashSet<>();
    r.hits().hits().forEach(h -> found.add(h.id()));
    return found;
  }

  /**
   * Like {@link #call}, but a request Elasticsearch answered and refused for good is a {@link
   * WriteRefusedException}, not an outage to wait out.
   */
  private static <T> T callWrite(EsCall<T> c) {
    try {
      return c.run();
    } catch (ElasticsearchException e) {
      if (refusedForGood(e.status())) {
        throw new WriteRefusedException("Elasticsearch refused the write: " + e.getMessage(), e);
      }
      throw new IndexUnavailableException(
          "Elasticsearch refused the request: " + e.getMessage(), e);
    } catch (TransportException e) {
      if (refusedForGood(e.statusCode())) {
        throw new WriteRefusedException("Elasticsearch refused the write: " + e.getMessage(), e);
      }
      throw new IndexUnavailableException("Elasticsearch is unreachable: " + e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new IndexUnavailableException("Elasticsearch is unreachable: " + e.getMessage(), e);
    }
  }

  /**
   * A 4xx that repeating the same request cannot cure. Not 404 (a deleted index is made again), 408
   * or 429 (busy), 409 (a conflict is a duplicate).
   */
  static boolean refusedForGood(int status) {
    return status >= 400
        && status < 500
        && status != 404
        && status != 408
        && status != 409
        && status != 429;
  }

  /** Error types that mean the query grew past a limit of Elasticsearch's when expanded. */
  private static final Set<String> TOO_BROAD =
      Set.of("too_many_clauses", "too_many_nested_clauses", "too_complex_to_determinize_exception");

  private static boolean tooBroad(ErrorCause cause) {
    if (cause == null) {
      return false;
    }
    if (TOO_BROAD.contains(cause.type())
        || (cause.reason() != null && cause.reason().contains("maxClauseCount"))) {
      return true;
    }
    for (ErrorCause root : cause.rootCause()) {
      if (tooBroad(root)) {
        return true;
      }
    }
    return tooBroad(cause.causedBy());
  }

  /** A search that ran out of its time answers with what it found so far; say so instead. */
  static void requireComplete(boolean timedOut, String timeout) {
    if (timedOut) {
      throw new SearchRefusedException(
          "The search took longer than "
              + timeout
              + " (pantau.index.search-timeout); narrow the query or the period.",
          null);
    }
  }

  /** A call to Elasticsearch whose I/O failure is unchecked. */
  interface EsCall<T> {
    T run() throws IOException;
  }

  static <T> T call(EsCall<T> c) {
    try {
      return c.run();
    } catch (IOException e) {
      throw new IndexUnavailableException("Elasticsearch is unreachable: " + e.getMessage(), e);
    } catch (ElasticsearchException e) {
      if (e.error() != null && tooBroad(e.error())) {
        throw new SearchRefusedException(
            "The query expands to too many words for Elasticsearch (a prefix such as ab* matching"
                + " thousands of words, inside NEAR or a phrase); use a longer prefix or whole"
                + " words.",
            e);
      }
      throw new IndexUnavailableException(
          "Elasticsearch refused the request: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new IndexUnavailableException("Elasticsearch is unreachable: " + e.getMessage(), e);
    }
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
