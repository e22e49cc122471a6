package io.pantau.index;

/** Elasticsearch could not serve a request; callers may retry later. */
public class IndexUnavailableException extends RuntimeException {
  public IndexUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
