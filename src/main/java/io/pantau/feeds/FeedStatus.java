package io.pantau.feeds;

import java.time.Instant;

/**
 * A feed and how its polling goes, as the API shows it.
 *
 * @param status {@code pending} (not polled yet), {@code ok} (last poll succeeded) or {@code
 *     failing} (the last poll failed; see lastError)
 * @param itemsSeen items taken from the feed so far, each counted once
 * @param itemsIngested articles newly indexed from those items
 * @param errorCount failed polls in all
 * @param consecutiveErrors failed polls since the last success; polling backs off with them
 */
public record FeedStatus(
    long id,
    String url,
    String title,
    String source,
    boolean enabled,
    int pollMinutes,
    String status,
    Instant createdAt,
    Instant lastPolledAt,
    Instant lastSuccessAt,
    Instant nextPollAt,
    long itemsSeen,
    long itemsIngested,
    long errorCount,
    int consecutiveErrors,
    String lastError) {

  static FeedStatus of(Feed f) {
    String status = f.lastPolledAt == null ? "pending" : f.consecutiveErrors > 0 ? "failing" : "ok";
    return new FeedStatus(
        f.id,
        f.url,
        f.title,
        f.source,
        f.enabled,
        f.pollMinutes,
        status,
        f.createdAt,
        f.lastPolledAt,
        f.lastSuccessAt,
        f.nextPollAt,
        f.itemsSeen,
        f.itemsIngested,
        f.errorCount,
        f.consecutiveErrors,
        f.lastError);
  }
}
