package io.pantau.article;

/**
 * One language of an article written in several, by its share of the body's words.
 *
 * @param lang ISO 639-1 code
 * @param share from 0 to 1; the shares of an article add up to 1
 */
public record LanguageShare(String lang, double share) {
  public LanguageShare {
    if (lang == null || lang.isBlank()) {
      throw new IllegalArgumentException("language code is required");
    }
    if (Double.isNaN(share) || share < 0 || share > 1) {
      throw new IllegalArgumentException("language share outside 0..1: " + share);
    }
  }
}
