package io.pantau.index;

import io.pantau.article.EnrichedArticle;

/**
 * One article to store.
 *
 * @param article the article as it is to be stored (the rights policy already applied)
 * @param searchText the full body it is matched on, which may be more than what is stored
 */
public record IndexWrite(EnrichedArticle article, String searchText) {
  public IndexWrite {
    if (article == null || article.article().id() == null) {
      throw new IllegalArgumentException("an article with an id is required");
    }
  }

  public static IndexWrite of(EnrichedArticle article) {
    return new IndexWrite(article, article.article().body());
  }

  public String id() {
    return article.article().id();
  }
}
