package io.pantau.ingest;

import java.time.Duration;

/** The processing backlog is full; the caller should retry after a while. */
public class IngestBusyException extends RuntimeException {
  private final Duration retryAfter;

  IngestBusyException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
