package io.pantau.index;

/**
 * Elasticsearch answered a write and refused it for good (a 4xx such as 400 or 413, not 429): the
 * same request will fail again, unlike an outage. Writers split such a batch to find the article at
 * fault instead of retrying it forever.
 */
public class WriteRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  WriteRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
