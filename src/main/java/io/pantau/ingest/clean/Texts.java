package io.pantau.ingest.clean;

import io.pantau.text.Fold;
import java.util.Locale;
import java.util.regex.Pattern;

/** Whitespace and comparison helpers shared by the text and HTML paths. */
final class Texts {
  private static final Pattern INVISIBLE =
      Pattern.compile("[\\u200b-\\u200d\\u2060\\ufeff\\u00ad]");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u2007\\u202f]+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private Texts() {}

  /** One line: invisible characters gone, every run of spaces one space, trimmed. */
  static String space(String s) {
    if (s == null) {
      return "";
    }
    return SPACES.matcher(INVISIBLE.matcher(s).replaceAll("")).replaceAll(" ").trim();
  }

  /** Several lines: each cleaned with {@link #space}, empty ones dropped, joined by '\n'. */
  static String lines(String s) {
    StringBuilder out = new StringBuilder();
    for (String line : s.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
      String t = space(line);
      if (!t.isEmpty()) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(t);
      }
    }
    return out.toString();
  }

  /** A comparison key: folded, punctuation and spacing ignored, so near-copies collide. */
  static String key(String s) {
    return NOT_WORD.matcher(Fold.fold(s)).replaceAll(" ").trim();
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /**
   * Title case for the upper-case words of a place or name ("PORTLAND, Ore." becomes "Portland,
   * Ore.", "MARIA ORTIZ" becomes "Maria Ortiz"); short words ("AP", "UN") stay as written.
   */
  static String titleCase(String words) {
    if (words == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(words.length());
    for (String word : words.split("(?<=[\\s,])")) {
      String letters = word.replaceAll("[^\\p{L}]", "");
      if (letters.length() > 2 && letters.equals(letters.toUpperCase(Locale.ROOT))) {
        out.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
      } else {
        out.append(word);
      }
    }
    return out.toString();
  }
}
