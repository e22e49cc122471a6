package io.pantau.alerts;

/**
 * Outside text (rule names, queries, addresses, error messages that quote what a webhook receiver
 * or mail server sent) made safe for one log line. A line break in such text would let whoever
 * wrote it start a forged log line, and other control characters (ESC sequences, NEL, the Unicode
 * line and paragraph separators, bidirectional overrides) can rewrite or reorder what a terminal or
 * log viewer shows. Each is written as a visible escape instead ({@code \n}, {@code \u001b}), and
 * the text is clipped, so one line stays one line of bounded length.
 */
final class LogText {
  /** The most characters of one value a log line carries. */
  static final int MAX_CHARS = 300;

  private LogText() {}

  static String of(String s) {
    if (s == null) {
      return "null";
    }
    int n = Math.min(s.length(), MAX_CHARS);
    StringBuilder b = new StringBuilder(n + 16);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\\' -> b.append("\\\\");
        default -> {
          if (unsafe(c)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    if (s.length() > n) {
      b.append("...");
    }
    return b.toString();
  }

  private static boolean unsafe(char c) {
    return Character.isISOControl(c)
        || c == '\u2028'
        || c == '\u2029'
        || Character.getType(c) == Character.FORMAT;
  }
}
