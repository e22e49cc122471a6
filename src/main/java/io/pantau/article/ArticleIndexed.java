package io.pantau.article;

import java.time.Instant;

/**
 * Fired (as a CDI event) after an article has been written to the index for the first time, and
 * again when ingest replays, after a stop or a crash, an article that was stored but whose
 * follow-up was not finished. Alerts listen for it; ingest fires it. {@code acceptedAt} lets
 * listeners measure ingest-to-notification latency; a listener that finishes with the article later
 * than the event takes a share of {@code followup}.
 */
public record ArticleIndexed(EnrichedArticle article, Instant acceptedAt, Followup followup) {

  /** An event whose follow-up nobody waits for. */
  public ArticleIndexed(EnrichedArticle article, Instant acceptedAt) {
    this(article, acceptedAt, Followup.none());
  }
}
