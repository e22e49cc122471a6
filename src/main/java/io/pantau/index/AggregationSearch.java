package io.pantau.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;

/**
 * Sends an aggregation-only search, as JSON, through the low-level REST client, and reads the
 * answer as a plain JSON tree.
 *
 * <p>Why not the typed client: it builds its whole response model (every bucket and sub-aggregation
 * as objects, parsed through JSON-P over Jackson) and its request pipeline per call, only for the
 * analytics to read a few counts out of it. On the benchmark that cost Pantau 5 to 11 ms per call
 * beside Elasticsearch's own time. Requests go without {@code typed_keys}, so aggregations come
 * back under the names {@link AggregationRequests} gives them.
 */
final class AggregationSearch {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RestClient client;
  private final String timeout;

  AggregationSearch(ElasticsearchClient es, String timeout) {
    this.timeout = timeout;
    if (!(es._transport() instanceof RestClientTransport transport)) {
      throw new IllegalStateException(
          "analytics need the REST client transport, not " + es._transport().getClass().getName());
    }
    this.client = transport.restClient();
  }

  /** The whole search answer; the aggregations are under {@code aggregations}. */
  JsonNode search(SearchRequest request) {
    Request r = new Request("POST", "/" + String.join(",", request.index()) + "/_search");
    r.setJsonEntity(json(request));
    // A failed shard or a search out of time would otherwise come back as smaller counts.
    r.addParameter("allow_partial_search_results", "false");
    r.addParameter("timeout", timeout);
    JsonNode answer =
        Es.call(
            () -> {
              long start = System.nanoTime();
              Response response = client.performRequest(r);
              try (InputStream in = response.getEntity().getContent()) {
                return JSON.readTree(in);
              } finally {
                SearchTime.add(System.nanoTime() - start);
              }
            });
    if (answer.path("timed_out").asBoolean(false)) {
      throw new SearchRefusedException(
          "The analytics request took longer than "
              + timeout
              + " (pantau.index.search-timeout); narrow the query or the period.",
          null);
    }
    return answer;
  }

  private static final co.elastic.clients.json.jackson.JacksonJsonpMapper JSONP =
      new co.elastic.clients.json.jackson.JacksonJsonpMapper();

  /** The body of {@code r} as Elasticsearch receives it (its index goes in the path). */
  static String json(SearchRequest r) {
    return co.elastic.clients.json.JsonpUtils.toJsonString(r, JSONP);
  }
}
