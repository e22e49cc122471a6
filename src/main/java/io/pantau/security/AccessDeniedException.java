package io.pantau.security;

/** A request without a valid key (401) or with a key whose role is too low (403). */
public class AccessDeniedException extends RuntimeException {
  private final int status;

  private AccessDeniedException(int status, String message) {
    super(message);
    this.status = status;
  }

  static AccessDeniedException unauthenticated(String message) {
    return new AccessDeniedException(401, message);
  }

  static AccessDeniedException forbidden(String message) {
    return new AccessDeniedException(403, message);
  }

  /** 401 or 403. */
  public int status() {
    return status;
  }
}
