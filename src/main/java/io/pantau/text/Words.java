package io.pantau.text;

/** Word counting over plain text. */
public final class Words {
  /** {@link Character#isLetterOrDigit(char)} for ASCII, without the Unicode tables. */
  private static final boolean[] ASCII_LETTER_OR_DIGIT = new boolean[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      ASCII_LETTER_OR_DIGIT[c] = Character.isLetterOrDigit(c);
    }
  }

  private Words() {}

  private static boolean isLetterOrDigit(char c) {
    return c < 0x80 ? ASCII_LETTER_OR_DIGIT[c] : Character.isLetterOrDigit(c);
  }

  /** Counts maximal runs of letters or digits (a hyphenated word counts once). */
  public static int count(String text) {
    return count(text, Integer.MAX_VALUE);
  }

  /**
   * {@link #count}, but no higher than {@code max}: the reading stops at the word that reaches it,
   * for callers that only ask whether a text has a few words.
   */
  public static int count(String text, int max) {
    if (text == null || max <= 0) {
      return 0;
    }
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean wordChar =
          isLetterOrDigit(c)
              || (inWord
                  && (c == '-' || c == '\'')
                  && i + 1 < text.length()
                  && isLetterOrDigit(text.charAt(i + 1)));
      if (wordChar && !inWord) {
        count++;
        if (count >= max) {
          return count;
        }
      }
      inWord = wordChar;
    }
    return count;
  }
}
