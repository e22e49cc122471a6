package io.pantau.article;

/**
 * What enrichment hands to indexing: the public article plus the signals that are stored for
 * matching but not shown through the API.
 */
public record EnrichedArticle(Article article, Fingerprint fingerprint) {
  public EnrichedArticle {
    if (article == null) {
      throw new IllegalArgumentException("article is required");
    }
    fingerprint = fingerprint == null ? Fingerprint.NONE : fingerprint;
  }
}
