package io.pantau.ingest;

/**
 * What became of one submitted article.
 *
 * @param id the article's stable id (null when it was rejected before it had one)
 * @param status indexed, queued, duplicate or rejected
 * @param error why it was rejected
 */
public record ItemResult(String id, Status status, String error) {

  /** The state of one submitted article. */
  public enum Status {
    indexed,
    queued,
    duplicate,
    rejected
  }

  static ItemResult rejected(String id, String error) {
    return new ItemResult(id, Status.rejected, error);
  }

  public boolean isRejected() {
    return status == Status.rejected;
  }
}
