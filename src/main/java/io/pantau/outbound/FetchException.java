package io.pantau.outbound;

/** A fetch that did not produce a usable answer; {@link #reason()} says what kind of failure. */
public class FetchException extends RuntimeException {

  /** Why a fetch failed. */
  public enum Reason {
    /** The URL or a redirect target is not allowed by {@link OutboundGuard}. */
    refused,
    /** The host's robots.txt disallows the path for Pantau. */
    robots,
    /** The answer (as sent or decompressed) is larger than the configured limit. */
    tooLarge,
    /** More redirects than allowed, or a redirect without a usable Location. */
    redirects,
    /** The server answered with a status other than 200 or 304. */
    status,
    /** Connection, timeout or protocol failure. */
    network
  }

  private final Reason reason;

  FetchException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  FetchException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
