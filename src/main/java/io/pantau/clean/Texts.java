package io.pantau.clean;

import io.pantau.text.Fold;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Whitespace and comparison helpers shared by the text and HTML paths. */
final class Texts {
  private static final Pattern AFTER_SPACE_OR_COMMA = Pattern.compile("(?<=[\\s,])");
  private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}]");

  /** 1 for the ASCII whitespace other than ' ' ({@code \t} to {@code \r}), else 0. */
  private static final int[] ASCII_LINE_SPACE = new int[0x80];

  /** Letters and digits of ASCII (regex {@code [\p{L}\p{N}]} restricted to it). */
  private static final boolean[] ASCII_LETTER_OR_NUMBER = new boolean[0x80];

  static {
    for (char c = '\t'; c <= '\r'; c++) {
      ASCII_LINE_SPACE[c] = 1;
    }
    for (char c = 0; c < 0x80; c++) {
      ASCII_LETTER_OR_NUMBER[c] =
          c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
  }

  private Texts() {}

  /** One line: invisible characters gone, every run of spaces one space, trimmed. */
  static String space(String s) {
    if (s == null) {
      return "";
    }
    // One pass instead of two regex replacements: this runs on every line of every article and
    // showed up as the cleaner's hottest method in the ingest benchmark's profile. Most lines
    // are already clean and come back as they are, without a copy.
    if (isSpaced(s)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean inSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isInvisible(c)) {
        continue;
      }
      if (isSpace(c)) {
        inSpace = true;
        continue;
      }
      if (inSpace) {
        out.append(' ');
        inSpace = false;
      }
      out.append(c);
    }
    if (inSpace) {
      out.append(' ');
    }
    return out.toString().trim();
  }

  /**
   * Whether {@link #space} would return the text unchanged: no invisible character, no space but
   * single plain spaces between other characters, nothing for trim() at either end.
   */
  private static boolean isSpaced(String s) {
    int n = s.length();
    // trim() also takes control characters off the ends
    if (n > 0 && (s.charAt(0) <= ' ' || s.charAt(n - 1) <= ' ')) {
      return false;
    }
    // flags rather than a branch per space: a branch on ' ' flips at every word and is
    // mispredicted about twice a word
    int bad = 0;
    int previousSpace = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        int space = c == ' ' ? 1 : 0;
        bad |= (previousSpace & space) | ASCII_LINE_SPACE[c];
        previousSpace = space;
      } else if (isInvisible(c) || isSpace(c)) {
        return false;
      } else {
        previousSpace = 0;
      }
    }
    return bad == 0;
  }

  /** Zero-width and soft-hyphen characters: U+200B..U+200D, U+2060, U+FEFF, U+00AD. */
  static boolean isInvisible(char c) {
    return (c >= '\u200b' && c <= '\u200d') || c == '\u2060' || c == '\ufeff' || c == '\u00ad';
  }

  /** Regex {@code \\s} and the no-break spaces U+00A0, U+2007, U+202F. */
  static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00a0' || c == '\u2007' || c == '\u202f';
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
    // by hand: runs of anything but letters and numbers become one space, none at either end;
    // the key is never longer than the folded text (a space stands for at least one dropped char)
    String f = Fold.fold(s);
    int n = f.length();
    char[] out = new char[n];
    int j = 0;
    boolean gap = false;
    for (int i = 0; i < n; ) {
      char c = f.charAt(i);
      int width = 1;
      boolean keep;
      if (c < 0x80) {
        keep = ASCII_LETTER_OR_NUMBER[c];
      } else {
        int cp = f.codePointAt(i);
        width = Character.charCount(cp);
        keep = isLetterOrNumber(cp);
      }
      if (keep) {
        if (gap && j > 0) {
          out[j++] = ' ';
        }
        gap = false;
        for (int k = 0; k < width; k++) {
          out[j++] = f.charAt(i + k);
        }
      } else {
        gap = true;
      }
      i += width;
    }
    return new String(out, 0, j);
  }

  /**
   * {@code s.split("\n[ \\t\\u00a0]*\n")}, or with {@code anyWhitespace} {@code
   * s.split("\n\\s*\n")}, to the same parts (trailing empty ones dropped, the whole string when
   * nothing matches) without the regex engine: a blank-line separator starts at a line break, so
   * the search jumps from one to the next.
   */
  static String[] splitAtBlankLines(String s, boolean anyWhitespace) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int from = 0;
    while (true) {
      int i = s.indexOf('\n', from);
      if (i < 0) {
        break;
      }
      int end = anyWhitespace ? blankLineEndAny(s, i) : blankLineEnd(s, i);
      if (end < 0) {
        from = i + 1;
        continue;
      }
      parts.add(s.substring(start, i));
      start = end;
      from = end;
    }
    if (parts.isEmpty()) {
      return new String[] {s};
    }
    parts.add(s.substring(start));
    int size = parts.size();
    while (size > 0 && parts.get(size - 1).isEmpty()) {
      size--;
    }
    return parts.subList(0, size).toArray(new String[0]);
  }

  /**
   * Start and end offsets, in pairs, of the parts {@link #splitAtBlankLines(String, boolean)} with
   * any whitespace returns, so that a caller can map each part back to the text.
   */
  static int[] paragraphBounds(String s) {
    List<Integer> b = new ArrayList<>();
    int start = 0;
    int from = 0;
    while (true) {
      int i = s.indexOf('\n', from);
      if (i < 0) {
        break;
      }
      int end = blankLineEndAny(s, i);
      if (end < 0) {
        from = i + 1;
        continue;
      }
      b.add(start);
      b.add(i);
      start = end;
      from = end;
    }
    b.add(start);
    b.add(s.length());
    int[] out = new int[b.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = b.get(k);
    }
    return out;
  }

  /** End of "\n[ \t\u00a0]*\n" at {@code i}, or -1. */
  private static int blankLineEnd(String s, int i) {
    int j = i + 1;
    while (j < s.length()
        && (s.charAt(j) == ' ' || s.charAt(j) == '\t' || s.charAt(j) == '\u00a0')) {
      j++;
    }
    return j < s.length() && s.charAt(j) == '\n' ? j + 1 : -1;
  }

  /** End of "\n\s*\n" at {@code i} (the greedy run ends after its last line break), or -1. */
  private static int blankLineEndAny(String s, int i) {
    int k = i + 1;
    while (k < s.length() && isRegexSpace(s.charAt(k))) {
      k++;
    }
    for (int m = k - 1; m > i; m--) {
      if (s.charAt(m) == '\n') {
        return m + 1;
      }
    }
    return -1;
  }

  /** Regex {@code \s} without UNICODE_CHARACTER_CLASS. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
  }

  /**
   * Whether {@link #key} of {@code s} is {@code key}, without building it when {@code s} is ASCII
   * (folding is then plain lower case, one character for one): the comparison stops at the first
   * character that differs, so a long paragraph set against a title costs a few characters.
   */
  static boolean keyEquals(String s, String key) {
    int j = 0;
    boolean gap = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return key(s).equals(key);
      }
      if (isLetterOrNumber(c)) {
        if (gap && j > 0) {
          if (j >= key.length() || key.charAt(j) != ' ') {
            return false;
          }
          j++;
        }
        gap = false;
        char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        if (j >= key.length() || key.charAt(j) != lower) {
          return false;
        }
        j++;
      } else {
        gap = true;
      }
    }
    return j == key.length();
  }

  /** Regex {@code [\\p{L}\\p{N}]}: a letter or a number of any script. */
  private static boolean isLetterOrNumber(int cp) {
    if (cp < 0x80) {
      return ASCII_LETTER_OR_NUMBER[cp];
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
      Character.LOWERCASE_LETTER,
      Character.TITLECASE_LETTER,
      Character.MODIFIER_LETTER,
      Character.OTHER_LETTER,
      Character.DECIMAL_DIGIT_NUMBER,
      Character.LETTER_NUMBER,
      Character.OTHER_NUMBER:
        return true;
      default:
        return false;
    }
  }

  /**
   * Characters of scripts written without spaces between words (Han, Hiragana, Katakana, Thai, Lao,
   * Khmer, Myanmar), counted up to {@code max}.
   */
  static int spacelessChars(String s, int max) {
    int n = 0;
    for (int i = 0; i < s.length() && n < max; i++) {
      char c = s.charAt(i);
      if (c >= 0x0e00 && isSpaceless(c)) {
        n++;
      }
    }
    return n;
  }

  private static boolean isSpaceless(char c) {
    return c >= 0x0e00 && c <= 0x0eff // Thai, Lao
        || c >= 0x1000 && c <= 0x109f // Myanmar
        || c >= 0x1780 && c <= 0x17ff // Khmer
        || c >= 0x3040 && c <= 0x30ff // Hiragana, Katakana
        || c >= 0x3400 && c <= 0x4dbf // CJK extension A
        || c >= 0x4e00 && c <= 0x9fff; // CJK unified ideographs
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
    for (String word : AFTER_SPACE_OR_COMMA.split(words)) {
      String letters = NOT_LETTER.matcher(word).replaceAll("");
      if (letters.length() > 2 && letters.equals(letters.toUpperCase(Locale.ROOT))) {
        out.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
      } else {
        out.append(word);
      }
    }
    return out.toString();
  }
}
