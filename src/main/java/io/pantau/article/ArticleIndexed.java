package io.pantau.article;

import java.time.Instant;

/**
 * Fired (as a CDI event) after an article has been written to the index for the first time. Alerts
 * listen for it; ingest fires it. {@code acceptedAt} lets listeners measure ingest-to-notification
 * latency.
 */
public record ArticleIndexed(EnrichedArticle article, Instant acceptedAt) {}
