package io.pantau.analytics;

import java.util.List;

/**
 * Articles per language.
 *
 * @param items most frequent first
 */
public record LanguageCounts(List<Item> items) {

  /**
   * One language.
   *
   * @param lang the language code
   * @param count articles in it
   */
  public record Item(String lang, long count) {}
}
