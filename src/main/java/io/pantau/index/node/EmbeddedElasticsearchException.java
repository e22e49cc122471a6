package io.pantau.index.node;

/** The embedded node could not be started; the message says why and where its log is. */
public class EmbeddedElasticsearchException extends RuntimeException {
  public EmbeddedElasticsearchException(String message) {
    super(message);
  }

  public EmbeddedElasticsearchException(String message, Throwable cause) {
    super(message, cause);
  }
}
