/**
 * Feeds: RSS 2.0, Atom and JSON Feed subscriptions that Pantau polls and turns into articles.
 *
 * <p>{@link io.pantau.feeds.Feeds} is the public face: register (fetched once to prove it is a
 * feed), list, read, delete, poll now, and poll what is due (called by the scheduler). A poll is a
 * conditional GET of the feed through {@link io.pantau.outbound.PageFetcher}; each item not seen
 * before has its page fetched the same way (robots.txt and the outbound guard apply) and goes to
 * {@link io.pantau.ingest.IngestService} as a whole page, or with the item's own content when the
 * page cannot be had. Feeds own their state (Panache entities {@code Feed} and {@code SeenItem}):
 * counters, validators, errors and a bounded memory of the items already taken. Failing feeds back
 * off exponentially. Network work happens outside database transactions.
 *
 * <p>May import: article, config, ingest, outbound, Panache. From {@code ingest} only {@code
 * IngestService}, its results and its busy signal.
 */
package io.pantau.feeds;
