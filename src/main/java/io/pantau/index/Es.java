package io.pantau.index;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.elasticsearch.client.ResponseException;

/** Runs an Elasticsearch call so that its failures reach the web layer as a 503, like search. */
final class Es {
  private Es() {}

  interface Call<T> {
    T run() throws IOException;
  }

  /** The low-level client puts the answer's body in the message; its error types name the limit. */
  private static boolean tooBroad(String message) {
    return message != null
        && (message.contains("too_many_clauses")
            || message.contains("too_many_nested_clauses")
            || message.contains("maxClauseCount"));
  }

  static <T> T call(Call<T> c) {
    try {
      return c.run();
    } catch (ResponseException e) {
      if (e.getResponse().getStatusLine().getStatusCode() == 400 && tooBroad(e.getMessage())) {
        throw new SearchRefusedException(
            "The query expands to too many words for Elasticsearch (a prefix such as ab* matching"
                + " thousands of words, inside NEAR or a phrase); use a longer prefix or whole"
                + " words.",
            e);
      }
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
