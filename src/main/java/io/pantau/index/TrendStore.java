package io.pantau.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code pantau-trends} index of materialised daily trends: created with its mapping on first
 * use, read by day and written in bulk. What a trend document holds is computed by the analytics.
 */
@ApplicationScoped
public class TrendStore {
  private final ElasticsearchClient es;
  private final IndexBootstrap bootstrap;
  private final TrendsIndex index;

  TrendStore(ElasticsearchClient es, IndexBootstrap bootstrap, TrendsIndex index) {
    this.es = es;
    this.bootstrap = bootstrap;
    this.index = index;
  }

  /** Makes sure the article index and the trends index exist; idempotent and cheap once done. */
  public void ensure() {
    bootstrap.bootstrap();
    index.ensure();
  }

  /** The ids of the trend documents of the day that starts at {@code day}. */
  public Set<String> idsOfDay(Instant day) {
    String start = day.toString();
    SearchResponse<Void> r =
        Es.call(
            () ->
                es.search(
                    s ->
                        s.index(TrendsIndex.NAME)
                            .size(10_000)
                            .source(src -> src.fetch(false))
                            .query(q -> q.term(t -> t.field("day").value(start))),
                    Void.class));
    Set<String> ids = new HashSet<>();
    for (Hit<Void> h : r.hits().hits()) {
      ids.add(h.id());
    }
    return ids;
  }

  /**
   * Writes (creates or overwrites) these documents and deletes those ids, in one bulk request.
   *
   * @param refresh make the change visible to search before returning
   * @throws IndexUnavailableException when Elasticsearch is unreachable or refused any item
   */
  public void write(List<TrendDocument> docs, Collection<String> deleted, boolean refresh) {
    BulkRequest.Builder bulk = new BulkRequest.Builder();
    for (TrendDocument doc : docs) {
      bulk.operations(op -> op.index(i -> i.index(TrendsIndex.NAME).id(doc.id()).document(doc)));
    }
    for (String id : deleted) {
      bulk.operations(op -> op.delete(x -> x.index(TrendsIndex.NAME).id(id)));
    }
    if (refresh) {
      bulk.refresh(Refresh.WaitFor);
    }
    BulkResponse r = Es.call(() -> es.bulk(bulk.build()));
    if (r.errors()) {
      String reason =
          r.items().stream()
              .filter(it -> it.error() != null)
              .map(it -> it.id() + ": " + it.error().reason())
              .findFirst()
              .orElse("unknown");
      throw new IndexUnavailableException("Trend documents were not written: " + reason, null);
    }
  }
}
