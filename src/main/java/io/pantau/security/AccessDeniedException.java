package io.pantau.security;

import java.time.Duration;
import java.util.Optional;

/**
 * A request without a valid key (401), with a key whose role is too low (403), or from an address
 * that sent too many wrong keys (429).
 */
public class AccessDeniedException extends RuntimeException {
  private final int status;
  private final Duration retryAfter;

  private AccessDeniedException(int status, String message) {
    this(status, message, null);
  }

  private AccessDeniedException(int status, String message, Duration retryAfter) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  static AccessDeniedException unauthenticated(String message) {
    return new AccessDeniedException(401, message);
  }

  static AccessDeniedException forbidden(String message) {
    return new AccessDeniedException(403, message);
  }

  static AccessDeniedException tooManyFailures(Duration retryAfter) {
    return new AccessDeniedException(
        429, "Too many requests with a wrong API key from this address; retry later.", retryAfter);
  }

  /** 401, 403 or 429. */
  public int status() {
    return status;
  }

  /** With 429: how long the client should wait. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
