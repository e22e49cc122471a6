package io.pantau.analytics;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.pantau.index.IndexUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.elasticsearch.client.ResponseException;

/** Runs an Elasticsearch call so that its failures reach the web layer as a 503, like search. */
final class Es {
  private Es() {}

  interface Call<T> {
    T run() throws IOException;
  }

  static <T> T call(Call<T> c) {
    try {
      return c.run();
    } catch (ResponseException e) {
      throw new IndexUnavailableException(
          "Elasticsearch refused the request: " + e.getResponse().getStatusLine(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new IndexUnavailableException("Elasticsearch is unreachable: " + e.getMessage(), e);
    } catch (ElasticsearchException e) {
      throw new IndexUnavailableException(
          "Elasticsearch refused the request: " + e.getMessage(), e);
    }
  }
}
