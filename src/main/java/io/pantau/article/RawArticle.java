package io.pantau.article;

import java.time.Instant;
import java.util.Optional;

/**
 * An article as it arrived, before any cleaning.
 *
 * @param url where the copy was found, if known
 * @param title the title as given, if the input had one apart from the text
 * @param body plain text or an HTML fragment (the article text, possibly with chrome)
 * @param html a whole HTML page
 * @param source the site the copy came from, as the caller names it
 * @param published the publication time as given (ISO-8601 or free text)
 * @param lang a language code the caller vouches for
 * @param fetchedAt when the copy was fetched; relative dates are resolved against it
 */
public record RawArticle(
    String url,
    String title,
    String body,
    String html,
    String source,
    String published,
    String lang,
    Instant fetchedAt) {

  /** True when the input has something to read. */
  public boolean hasContent() {
    return (body != null && !body.isBlank()) || (html != null && !html.isBlank());
  }

  public Optional<String> urlValue() {
    return Optional.ofNullable(url).filter(u -> !u.isBlank());
  }

  /** A raw scraped text document, as posted with {@code text/plain}. */
  public static RawArticle ofText(String text, String url, String source, Instant fetchedAt) {
    return new RawArticle(url, null, text, null, source, null, null, fetchedAt);
  }

  /** A whole HTML page, as posted with {@code text/html}. */
  public static RawArticle ofHtml(String html, String url, String source, Instant fetchedAt) {
    return new RawArticle(url, null, null, html, source, null, null, fetchedAt);
  }

  public RawArticle withFetchedAt(Instant at) {
    return new RawArticle(url, title, body, html, source, published, lang, at);
  }
}
