package io.pantau.feeds;

import java.util.List;

/**
 * A feed as read: its title and items, in the order the feed lists them.
 *
 * @param format rss, atom or json
 */
record ParsedFeed(String format, String title, List<FeedItem> items) {}
