package io.pantau.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which stemmer serves which article language, and the stem of one folded token. Articles whose
 * language has no stemmer keep their surface words only.
 */
public final class Stemming {
  /** The stemmers, by the language code their stems are filed under. */
  public static final List<String> STEMMERS = List.of("id", "en");

  private static final IndonesianStemmer INDONESIAN = IndonesianStemmer.standard();
  private static final EnglishStemmer ENGLISH = new EnglishStemmer();

  /** Stems already worked out, per stemmer; news repeats its words, so most tokens hit. */
  private static final int CACHE_LIMIT = 200_000;

  private static final Map<String, Map<String, String>> CACHE =
      Map.of("id", new ConcurrentHashMap<>(), "en", new ConcurrentHashMap<>());

  private Stemming() {}

  /**
   * The stemmer for an article language (ISO 639-1), or null when there is none: {@code id} and
   * {@code ms} (Malay shares Indonesian's affixes) take the Indonesian one, {@code en} the English.
   */
  public static String stemmerFor(String lang) {
    if (lang == null) {
      return null;
    }
    return switch (lang.toLowerCase(Locale.ROOT)) {
      case "id", "ms" -> "id";
      case "en" -> "en";
      default -> null;
    };
  }

  /**
   * The stem of a folded token under one of {@link #STEMMERS}. Tokens holding digits or other
   * non-letters, and very short ones, are their own stem.
   *
   * @throws IllegalArgumentException for a stemmer not in {@link #STEMMERS}
   */
  public static String stem(String stemmer, String token) {
    if (!stemmable(token)) {
      return token;
    }
    Map<String, String> cache = CACHE.get(stemmer);
    if (cache == null) {
      throw new IllegalArgumentException("no stemmer for '" + stemmer + "'");
    }
    String known = cache.get(token);
    if (known != null) {
      return known;
    }
    String stem = "id".equals(stemmer) ? INDONESIAN.stem(token) : ENGLISH.stem(token);
    if (cache.size() < CACHE_LIMIT) {
      cache.put(token, stem);
    }
    return stem;
  }

  /** Letters only (an apostrophe inside is allowed) and at least three of them. */
  static boolean stemmable(String token) {
    if (token == null || token.length() < 3) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (!Character.isLetter(c) && !((c == '\'' || c == '\u2019') && i > 0)) {
        return false;
      }
    }
    return true;
  }
}
