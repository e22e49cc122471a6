package io.pantau.bench;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where Elasticsearch spent its time between two readings of its node statistics: indexing,
 * searches (query and fetch phases), refreshes and merges, in milliseconds of thread time as the
 * node counts them. Set beside the same figures of the raw ceiling, it shows what Pantau makes
 * Elasticsearch do per article beyond storing it.
 */
record EsActivity(
    long indexMs, long searches, long queryMs, long fetchMs, long refreshMs, long mergeMs) {

  private static final String STATS = "/_nodes/_local/stats/indices/indexing,search,refresh,merge";

  static EsActivity read(Http es) {
    JsonNode nodes = Bench.json(es.get(STATS).ok().body()).path("nodes");
    JsonNode i = nodes.elements().hasNext() ? nodes.elements().next().path("indices") : nodes;
    return new EsActivity(
        i.path("indexing").path("index_time_in_millis").asLong(),
        i.path("search").path("query_total").asLong(),
        i.path("search").path("query_time_in_millis").asLong(),
        i.path("search").path("fetch_time_in_millis").asLong(),
        i.path("refresh").path("total_time_in_millis").asLong(),
        i.path("merges").path("total_time_in_millis").asLong());
  }

  /** What happened since {@code before}. */
  EsActivity since(EsActivity before) {
    return new EsActivity(
        indexMs - before.indexMs,
        searches - before.searches,
        queryMs - before.queryMs,
        fetchMs - before.fetchMs,
        refreshMs - before.refreshMs,
        mergeMs - before.mergeMs);
  }

  /**
   * One line per document: indexing, search (shard-level queries and their query plus fetch time),
   * refresh and merge milliseconds. Shard-level means a search over six shards counts six.
   */
  String perDoc(long docs) {
    double n = Math.max(1, docs);
    return String.format(
        "index %.2f, search %.2f (%.1f shard queries), refresh %.2f, merge %.2f ms per document",
        indexMs / n, (queryMs + fetchMs) / n, searches / n, refreshMs / n, mergeMs / n);
  }
}
