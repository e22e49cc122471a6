package io.pantau.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.pantau.article.AiUse;
import io.pantau.config.PantauConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Brings articles indexed with an older layout of the search fields (before stems: no {@code
 * search.version}) up to {@link ArticleDocument#SEARCH_VERSION}, in place and without taking
 * anything offline: each one's search text is computed again from its stored title, body and
 * language and written with a partial update that is conditional on the article not having changed
 * since it was read. Ingest, search and alerts go on meanwhile; an article not yet migrated is
 * still found by its surface words.
 *
 * <p>Resumable by construction: what is left is what still lacks the current version, so a crash or
 * a restart just runs it again; two instances doing it at once only skip each other's articles.
 * Articles whose rights forbid automated use and whose full text was therefore not stored ({@code
 * rights.aiUse: prohibited}) are left as they are: their full search text exists only in the index,
 * and an update would replace it by the stored snippet. They keep surface-word matching.
 *
 * <p>Runs in the background after start ({@code pantau.index.migrate-on-start}), logging progress
 * every few seconds; {@link #run()} does the same in the caller's thread.
 */
@ApplicationScoped
public class SearchTextMigration {
  private static final Logger LOG = Logger.getLogger(SearchTextMigration.class);
  private static final int BATCH = 500;
  private static final long REPORT_EVERY_NANOS = 5_000_000_000L;
  private static final long RETRY_AFTER_MILLIS = 30_000;

  /** What one run did. */
  public record Result(long pendingAtStart, long migrated, long changedMeanwhile, long failed) {}

  private final ElasticsearchClient es;
  private final IndexBootstrap bootstrap;
  private final PantauConfig config;
  private volatile boolean stopping;
  private volatile Thread worker;

  SearchTextMigration(ElasticsearchClient es, IndexBootstrap bootstrap, PantauConfig config) {
    this.es = es;
    this.bootstrap = bootstrap;
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.index().migrateOnStart()) {
      return;
    }
    Thread t = new Thread(this::runUntilDone, "pantau-search-migration");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    worker = t;
    t.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    stopping = true;
    Thread t = worker;
    if (t != null) {
      t.interrupt();
    }
  }

  private void runUntilDone() {
    while (!stopping) {
      try {
        run();
        return;
      } catch (IndexUnavailableException | WriteRefusedException e) {
        LOG.warnf(
            "Search text migration paused (%s); trying again in %d s",
            e.getMessage(), RETRY_AFTER_MILLIS / 1000);
        try {
          Thread.sleep(RETRY_AFTER_MILLIS);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  /** Migrates every article that needs it; returns when none is left (or on shutdown). */
  public Result run() {
    bootstrap.bootstrap();
    Set<String> failed = new HashSet<>();
    long pending = count(pending(failed));
    if (pending == 0) {
      return new Result(0, 0, 0, 0);
    }
    LOG.infof(
        "Search text migration: %,d article(s) indexed before version %d of the search fields",
        pending, ArticleDocument.SEARCH_VERSION);
    long started = System.nanoTime();
    long lastReport = started;
    long migrated = 0;
    long changed = 0;
    while (!stopping) {
      List<Hit<ArticleDocument>> hits = nextBatch(failed);
      if (hits.isEmpty()) {
        break;
      }
      BulkResponse r = ArticleIndex.call(() -> es.bulk(updates(hits)));
      for (BulkResponseItem item : r.items()) {
        if (item.error() == null) {
          migrated++;
        } else if (item.status() == 409) {
          changed++; // rewritten meanwhile, by a writer that wrote the current layout
        } else {
          failed.add(item.id());
          LOG.warnf(
              "Search text migration could not update article %s in %s: %s",
              item.id(), item.index(), item.error().reason());
        }
      }
      ArticleIndex.call(() -> es.indices().refresh(x -> x.index(IndexNames.ARTICLES)));
      long now = System.nanoTime();
      if (now - lastReport >= REPORT_EVERY_NANOS) {
        lastReport = now;
        double seconds = (now - started) / 1e9;
        LOG.infof(
            "Search text migration: %,d of %,d article(s) (%.0f%%), %.0f/s",
            migrated + changed,
            pending,
            100.0 * (migrated + changed) / pending,
            (migrated + changed) / seconds);
      }
    }
    Result result = new Result(pending, migrated, changed, failed.size());
    LOG.infof(
        "Search text migration %s: %,d migrated, %,d rewritten meanwhile, %,d failed, in %.1f s",
        stopping ? "stopped" : "done",
        migrated,
        changed,
        failed.size(),
        (System.nanoTime() - started) / 1e9);
    return result;
  }

  /** How many articles still lack the current search fields (and can be given them). */
  public long pending() {
    bootstrap.bootstrap();
    return count(pending(Set.of()));
  }

  private long count(Query q) {
    return ArticleIndex.call(() -> es.count(c -> c.index(IndexNames.ARTICLES).query(q))).count();
  }

  /** Articles without the current version, bar those kept as they are and those that failed. */
  private static Query pending(Set<String> failed) {
    List<FieldValue> versions = List.of(FieldValue.of(ArticleDocument.SEARCH_VERSION));
    return Query.of(
        q ->
            q.bool(
                b -> {
                  b.mustNot(
                      m ->
                          m.terms(
                              t -> t.field(Fields.SEARCH_VERSION).terms(v -> v.value(versions))));
                  b.mustNot(
                      m ->
                          m.term(
                              t -> t.field(Fields.RIGHTS_AI_USE).value(AiUse.prohibited.name())));
                  if (!failed.isEmpty()) {
                    b.mustNot(m -> m.ids(i -> i.values(new ArrayList<>(failed))));
                  }
                  return b;
                }));
  }

  private List<Hit<ArticleDocument>> nextBatch(Set<String> failed) {
    SearchResponse<ArticleDocument> r =
        ArticleIndex.call(
            () ->
                es.search(
                    s ->
                        s.index(IndexNames.ARTICLES)
                            .size(BATCH)
                            .seqNoPrimaryTerm(true)
                            .query(pending(failed))
                            .source(
                                src ->
                                    src.filter(
                                        f ->
                                            f.includes(
                                                Fields.ID,
                                                Fields.TITLE,
                                                Fields.BODY,
                                                Fields.LANG))),
                    ArticleDocument.class));
    return r.hits().hits();
  }

  private static BulkRequest updates(List<Hit<ArticleDocument>> hits) {
    BulkRequest.Builder b = new BulkRequest.Builder();
    for (Hit<ArticleDocument> hit : hits) {
      ArticleDocument d = hit.source();
      ArticleDocument.SearchText search =
          ArticleDocument.SearchText.of(
              d == null ? null : d.lang(),
              d == null ? null : d.title(),
              d == null ? null : d.body());
      Map<String, Object> partial = Map.of(Fields.SEARCH, search);
      b.operations(
          op ->
              op.update(
                  u ->
                      u.index(hit.index())
                          .id(hit.id())
                          .ifSeqNo(hit.seqNo())
                          .ifPrimaryTerm(hit.primaryTerm())
                          .action(a -> a.doc(partial))));
    }
    return b.build();
  }
}
