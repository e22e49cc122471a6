package io.pantau.feeds;

/** A feed request that cannot be done; {@link #kind()} says how the caller should see it. */
public class FeedException extends RuntimeException {

  /** The kinds of refusal. */
  public enum Kind {
    /** The request is wrong: bad URL, refused address, not a feed, bad settings. */
    invalid,
    /** No such feed. */
    notFound,
    /** The feed is already registered. */
    conflict,
    /** The feed is being polled right now. */
    busy
  }

  private final Kind kind;

  FeedException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
