package io.pantau.analytics;

import java.util.List;

/**
 * The most frequent keywords or keyphrases.
 *
 * @param field the article field counted
 * @param items most frequent first; ties by term
 */
public record TermCounts(TermField field, List<Item> items) {

  /**
   * One term.
   *
   * @param term the value as stored
   * @param count articles that carry it
   */
  public record Item(String term, long count) {}
}
