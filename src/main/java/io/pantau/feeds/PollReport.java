package io.pantau.feeds;

/**
 * What one poll of a feed did.
 *
 * @param feedId the feed
 * @param notModified the server answered 304: nothing changed since the last poll
 * @param itemsInFeed items the feed lists now
 * @param newItems items not seen before and taken in this poll
 * @param deferred new items left for the next poll (over pantau.feeds.max-new-items-per-poll)
 * @param indexed articles newly indexed
 * @param duplicates articles already stored
 * @param rejected items ingest refused (e.g. no text)
 * @param queued items still being processed when the poll stopped waiting
 * @param pageFallbacks items whose page could not be fetched (or robots.txt disallowed it), taken
 *     from the feed's own content instead
 * @param skipped items with neither a fetchable page nor any content
 * @param error why the poll failed; null when it succeeded
 */
public record PollReport(
    long feedId,
    boolean notModified,
    int itemsInFeed,
    int newItems,
    int deferred,
    int indexed,
    int duplicates,
    int rejected,
    int queued,
    int pageFallbacks,
    int skipped,
    String error) {

  static PollReport failed(long feedId, String error) {
    return new PollReport(feedId, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, error);
  }

  static PollReport unchanged(long feedId) {
    return new PollReport(feedId, true, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);
  }
}
