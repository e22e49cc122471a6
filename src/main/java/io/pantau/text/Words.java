package io.pantau.text;

/** Word counting over plain text. */
public final class Words {
  private Words() {}

  /** Counts maximal runs of letters or digits (a hyphenated word counts once). */
  public static int count(String text) {
    if (text == null) {
      return 0;
    }
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean wordChar =
          Character.isLetterOrDigit(c)
              || (inWord
                  && (c == '-' || c == '\'')
                  && i + 1 < text.length()
                  && Character.isLetterOrDigit(text.charAt(i + 1)));
      if (wordChar && !inWord) {
        count++;
      }
      inWord = wordChar;
    }
    return count;
  }
}
