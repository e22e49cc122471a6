package io.pantau.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits query text into tokens that remember where they start. */
final class Lexer {
  /** Largest number accepted after {@code NEAR/} and {@code ~}; more is no longer "near". */
  static final int MAX_DISTANCE = 1000;

  enum Kind {
    WORD,
    PHRASE,
    FIELD,
    LPAREN,
    RPAREN,
    AND,
    OR,
    NOT,
    MINUS,
    NEAR,
    END
  }

  /**
   * One token. {@code text} is the word (without a trailing star), the phrase content, or the field
   * name; {@code number} is the NEAR distance or the phrase slop.
   */
  record Token(Kind kind, int start, String text, boolean prefix, int number) {}

  private final String input;
  private int pos;

  private Lexer(String input) {
    this.input = input;
  }

  static List<Token> tokens(String input) {
    return new Lexer(input).all();
  }

  private List<Token> all() {
    List<Token> out = new ArrayList<>();
    while (true) {
      skipSpace();
      if (pos >= input.length()) {
        out.add(new Token(Kind.END, input.length(), "", false, 0));
        return out;
      }
      out.add(next());
    }
  }

  private void skipSpace() {
    while (pos < input.length() && isSpace(input.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  static List<String> splitOnSpace(String text) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean space = i == text.length() || isSpace(text.charAt(i));
      if (space && start >= 0) {
        words.add(text.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return words;
  }

  static boolean isQuote(char c) {
    return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E';
  }

  private static boolean endsWord(char c) {
    return isSpace(c) || isQuote(c) || c == '(' || c == ')';
  }

  private Token next() {
    int start = pos;
    char c = input.charAt(pos);
    if (c == '(') {
      pos++;
      return new Token(Kind.LPAREN, start, "(", false, 0);
    }
    if (c == ')') {
      pos++;
      return new Token(Kind.RPAREN, start, ")", false, 0);
    }
    if (c == '-') {
      // Only at the start of a token: inside a word ("China-Kazakhstan") it is a hyphen.
      pos++;
      return new Token(Kind.MINUS, start, "-", false, 0);
    }
    if (isQuote(c)) {
      return phrase(start);
    }
    return word(start);
  }

  private Token phrase(int start) {
    int close = start + 1;
    while (close < input.length() && !isQuote(input.charAt(close))) {
      close++;
    }
    if (close >= input.length()) {
      throw QuerySyntaxException.expected(input.length(), "a closing '\"'");
    }
    String content = input.substring(start + 1, close);
    pos = close + 1;
    int slop = 0;
    if (pos < input.length() && input.charAt(pos) == '~') {
      pos++;
      slop = number("~");
    }
    return new Token(Kind.PHRASE, start, content, false, slop);
  }

  private Token word(int start) {
    while (pos < input.length() && !endsWord(input.charAt(pos))) {
      if (input.charAt(pos) == ':' && isFieldName(input.substring(start, pos))) {
        return field(start);
      }
      pos++;
    }
    String word = input.substring(start, pos);
    switch (word) {
      case "AND":
        return new Token(Kind.AND, start, word, false, 0);
      case "OR":
        return new Token(Kind.OR, start, word, false, 0);
      case "NOT":
        return new Token(Kind.NOT, start, word, false, 0);
      default:
        break;
    }
    if (word.startsWith("NEAR/")) {
      pos = start + "NEAR/".length();
      int distance = number("NEAR/");
      if (pos < input.length() && !endsWord(input.charAt(pos))) {
        throw QuerySyntaxException.expected(pos, "a space after NEAR/" + distance);
      }
      return new Token(Kind.NEAR, start, input.substring(start, pos), false, distance);
    }
    if (word.endsWith("*")) {
      String stem = word.substring(0, word.length() - 1);
      if (stem.codePointCount(0, stem.length()) < 3) {
        throw new QuerySyntaxException(
            pos - 1,
            "3 characters before \"*\"",
            "expected at least 3 characters before \"*\" at " + (pos - 1));
      }
      return new Token(Kind.WORD, start, stem, true, 0);
    }
    return new Token(Kind.WORD, start, word, false, 0);
  }

  /**
   * Letters-only text before a colon reads as a field name, except a URL scheme ({@code https://}),
   * so that pasted links stay words while a mistyped field is reported.
   */
  private boolean isFieldName(String candidate) {
    if (candidate.isEmpty() || input.startsWith("//", pos + 1)) {
      return false;
    }
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
  }

  private Token field(int start) {
    String name = input.substring(start, pos).toLowerCase(Locale.ROOT);
    if (!Fields.isKnown(name)) {
      throw new QuerySyntaxException(
          start,
          "a field name",
          "unknown field \""
              + input.substring(start, pos)
              + "\" at "
              + start
              + "; expected one of "
              + Fields.NAMES
              + " (quote a word that contains a colon)");
    }
    pos++;
    return new Token(Kind.FIELD, start, name, false, 0);
  }

  private int number(String after) {
    int digitsStart = pos;
    while (pos < input.length() && input.charAt(pos) >= '0' && input.charAt(pos) <= '9') {
      pos++;
    }
    String expected = "a number from 0 to " + MAX_DISTANCE + " after \"" + after + "\"";
    if (pos == digitsStart || pos - digitsStart > 4) {
      throw QuerySyntaxException.expected(digitsStart, expected);
    }
    int n = Integer.parseInt(input.substring(digitsStart, pos));
    if (n > MAX_DISTANCE) {
      throw QuerySyntaxException.expected(digitsStart, expected);
    }
    return n;
  }
}
