package io.pantau.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Case and accent folding. Index time and query time must fold the same way, so there is one
 * implementation.
 */
public final class Fold {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Fold() {}

  /** Lower case (locale-neutral) without diacritics: "Tōkayev" becomes "tokayev". */
  public static String fold(String s) {
    if (s == null || s.isEmpty()) {
      return s;
    }
    boolean ascii = true;
    for (int i = 0; i < s.length() && ascii; i++) {
      ascii = s.charAt(i) < 0x80;
    }
    if (ascii) {
      return s.toLowerCase(Locale.ROOT);
    }
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
    return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
