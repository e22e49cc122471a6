package io.pantau.index;

/**
 * What happened to one article written to the index.
 *
 * @param id the article id
 * @param status indexed, duplicate (already stored) or failed
 * @param error why it failed, for failed only
 */
public record WriteOutcome(String id, Status status, String error) {

  /** The outcome of one write. */
  public enum Status {
    indexed,
    duplicate,
    failed
  }

  static WriteOutcome indexed(String id) {
    return new WriteOutcome(id, Status.indexed, null);
  }

  static WriteOutcome duplicate(String id) {
    return new WriteOutcome(id, Status.duplicate, null);
  }

  static WriteOutcome failed(String id, String error) {
    return new WriteOutcome(id, Status.failed, error);
  }
}
