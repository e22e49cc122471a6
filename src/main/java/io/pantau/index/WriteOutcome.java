package io.pantau.index;

import io.pantau.article.EnrichedArticle;

/**
 * What happened to one article written to the index.
 *
 * @param id the article id
 * @param status indexed, duplicate (already stored) or failed
 * @param error why it failed, for failed only
 * @param stored the article as stored (with its story assigned), for indexed only
 */
public record WriteOutcome(String id, Status status, String error, EnrichedArticle stored) {

  /** The outcome of one write. */
  public enum Status {
    indexed,
    duplicate,
    failed
  }

  static WriteOutcome indexed(EnrichedArticle stored) {
    return new WriteOutcome(stored.article().id(), Status.indexed, null, stored);
  }

  static WriteOutcome duplicate(String id) {
    return new WriteOutcome(id, Status.duplicate, null, null);
  }

  /** A write that did not happen, and why. */
  public static WriteOutcome failed(String id, String error) {
    return new WriteOutcome(id, Status.failed, error, null);
  }
}
