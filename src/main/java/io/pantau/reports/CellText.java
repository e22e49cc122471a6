package io.pantau.reports;

/**
 * Keeps text from articles and queries from running as a formula when a report is opened in a
 * spreadsheet (CSV or formula injection, OWASP "CSV Injection"). Excel, LibreOffice and Google
 * Sheets evaluate a cell whose text starts with {@code =}, {@code +}, {@code -} or {@code @} (and,
 * after a leading tab or line break, the same), so a title such as {@code =HYPERLINK(...)} from a
 * scraped page would run on the reader's machine. Such a cell gets a leading single quote, which
 * spreadsheets read as "this is text"; the fullwidth forms are included because some East Asian
 * locales of Excel treat them as the ASCII ones.
 *
 * <p>Only text goes through here. Numbers Pantau writes itself (the sentiment score, copies) stay
 * numbers, negative ones included: a number is a value, never a formula.
 */
final class CellText {
  private CellText() {}

  /** Whether a spreadsheet could read this text as the start of a formula. */
  static boolean risky(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    return trigger(s.charAt(0));
  }

  /** The text as a spreadsheet should show it: with a leading {@code '} when it is risky. */
  static String neutralise(String s) {
    return risky(s) ? "'" + s : s;
  }

  /**
   * A CSV comment line (the provenance) as a spreadsheet sees it: spreadsheets do not know comment
   * lines, so each comma, semicolon or tab in it starts a new cell. Every such cell that would
   * start a formula (after spaces or a quote) gets the leading quote.
   */
  static String neutraliseLine(String line) {
    StringBuilder b = new StringBuilder(line.length() + 8);
    boolean cellStart = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (cellStart && trigger(c)) {
        b.append('\'');
        cellStart = false;
      } else if (cellStart && c != ' ' && c != '"') {
        cellStart = false;
      }
      b.append(c);
      if (c == ',' || c == ';' || c == '\t') {
        cellStart = true;
      }
    }
    return b.toString();
  }

  private static boolean trigger(char c) {
    return switch (c) {
      case '=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
      default -> false;
    };
  }
}
