package io.pantau.ingest;

import io.pantau.article.AiUse;
import io.pantau.article.Article;
import java.util.List;

/**
 * How much of an article's text Pantau keeps when its rights holder prohibits automated or AI use.
 * Articles whose {@code rights.aiUse} is not {@link AiUse#prohibited} pass unchanged under every
 * policy; metadata (title, dates, credits, rights, the word count of the whole text) is always
 * kept.
 */
public enum StoragePolicy {
  /** Keep body and captions in full. */
  full,
  /** Keep the lead (or the first ~300 characters) as the body, and the first caption, shortened. */
  snippet,
  /** Keep neither body, lead nor captions. */
  none;

  /** Characters a snippet aims at; it ends at a word boundary at or before this length. */
  static final int SNIPPET_CHARS = 300;

  /**
   * Applies the policy.
   *
   * @param article a cleaned article
   * @return the article, with body, lead and captions reduced when its rights prohibit AI use
   */
  public Article apply(Article article) {
    if (article == null || article.rights().aiUse() != AiUse.prohibited || this == full) {
      return article;
    }
    if (this == none) {
      return article.toBuilder().body(null).lead(null).captions(List.of()).build();
    }
    String source = article.lead() != null ? article.lead() : article.body();
    String body = shorten(source);
    List<String> captions =
        article.captions().isEmpty() ? List.of() : List.of(shorten(article.captions().get(0)));
    return article.toBuilder().body(body).lead(body).captions(captions).build();
  }

  static String shorten(String text) {
    if (text == null || text.length() <= SNIPPET_CHARS) {
      return text;
    }
    int cut = text.lastIndexOf(' ', SNIPPET_CHARS);
    if (cut < SNIPPET_CHARS / 2) {
      cut = SNIPPET_CHARS;
    }
    return text.substring(0, cut).stripTrailing() + "…";
  }
}
