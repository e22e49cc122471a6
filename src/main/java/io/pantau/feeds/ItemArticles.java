package io.pantau.feeds;

import io.pantau.article.RawArticle;
import io.pantau.outbound.FetchException;
import io.pantau.outbound.FetchResult;
import io.pantau.outbound.PageFetcher;
import io.pantau.outbound.Validators;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns a feed item into a raw article: the linked page when it can be fetched, else the item's own
 * content. The page is the better copy (the whole text, the page's metadata); the item's title and
 * date fill in only what the page lacks.
 */
final class ItemArticles {
  private static final Logger LOG = Logger.getLogger(ItemArticles.class);

  /**
   * A raw article made from an item.
   *
   * @param fromPage true when the page was fetched; false when the item's content stands in
   */
  record Taken(RawArticle raw, boolean fromPage) {}

  private final PageFetcher fetcher;

  ItemArticles(PageFetcher fetcher) {
    this.fetcher = fetcher;
  }

  /** The article for one item; empty when there is neither a page nor any content. */
  Optional<Taken> take(FeedItem item, String source, Instant now) {
    String published = item.published() == null ? null : item.published().toString();
    if (item.link() != null) {
      try {
        FetchResult page =
            fetcher.fetch(URI.create(item.link()), Validators.NONE, PageFetcher.ACCEPT_HTML);
        String media = page.mediaType();
        if (media.isEmpty() || media.contains("html")) {
          String html = page.text();
          Document doc = Jsoup.parse(html);
          return Optional.of(
              new Taken(
                  new RawArticle(
                      item.link(),
                      hasTitle(doc) ? null : item.title(),
                      null,
                      html,
                      source,
                      hasDate(doc) ? null : published,
                      null,
                      now),
                  true));
        }
        LOG.debugf("%s is %s, not a page; using the feed's content", item.link(), media);
      } catch (FetchException | IllegalArgumentException e) {
        LOG.debugf(
            "Page %s not fetched (%s); using the feed's content", item.link(), e.getMessage());
      }
    }
    if (item.content() == null || item.content().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new Taken(
            new RawArticle(
                item.link(), item.title(), item.content(), null, source, published, null, now),
            false));
  }

  private static boolean hasTitle(Document doc) {
    return !doc.title().isBlank() || !doc.select("meta[property=og:title][content~=\\S]").isEmpty();
  }

  private static boolean hasDate(Document doc) {
    return !doc.select(
            "meta[property=article:published_time][content~=\\S],"
                + " meta[itemprop=datePublished][content~=\\S],"
                + " time[datetime~=\\S]")
        .isEmpty();
  }
}
