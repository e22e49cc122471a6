package io.pantau.alerts;

import io.pantau.monitor.Highlight;
import java.util.Locale;

/** The text and HTML parts of an alert e-mail. */
final class AlertMail {
  private AlertMail() {}

  /**
   * One header line: a rule name is outside text, and a line break in it must not start a header of
   * its own in the message (mail header injection), whatever the mailer does with it.
   */
  static String subject(AlertPayload p) {
    return oneLine("[Pantau] " + p.rule().name() + ": " + headline(p));
  }

  private static String oneLine(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int type = Character.getType(c);
      boolean breaks =
          Character.isISOControl(c)
              || type == Character.LINE_SEPARATOR
              || type == Character.PARAGRAPH_SEPARATOR;
      b.append(breaks ? ' ' : c);
    }
    return b.toString();
  }

  /** Only http(s) addresses become links; an article's URL is validated so, this holds if not. */
  private static boolean linkable(String url) {
    String u = url == null ? "" : url.trim().toLowerCase(Locale.ROOT);
    return u.startsWith("http://") || u.startsWith("https://");
  }

  private static String headline(AlertPayload p) {
    return switch (p.kind()) {
      case "volume_spike" -> "volume spike (" + (long) p.stats().value() + " articles)";
      case "sentiment_shift" ->
          String.format(
              Locale.ROOT,
              "sentiment shift (%.2f against %.2f)",
              p.stats().value(),
              p.stats().baselineMean());
      default -> p.articles().size() + " new article(s)";
    };
  }

  static String text(AlertPayload p) {
    StringBuilder b = new StringBuilder();
    b.append("Alert \"").append(p.rule().name()).append("\" fired: ").append(headline(p));
    b.append("\nQuery: ").append(p.rule().query()).append("\n\n");
    for (AlertPayload.MatchedArticle a : p.articles()) {
      b.append("- ").append(a.title()).append("\n  ").append(nullToEmpty(a.url()));
      b.append("\n  ").append(nullToEmpty(a.source())).append(' ').append(a.published());
      b.append('\n');
    }
    if (!p.highlights().isEmpty()) {
      b.append("\nMatched: ");
      b.append(String.join(", ", p.highlights().stream().map(AlertMail::reason).toList()));
      b.append('\n');
    }
    return b.toString();
  }

  /** A clause, with the inflections it matched: {@code banjir (kebanjiran, membanjiri)}. */
  private static String reason(Highlight h) {
    return h.inflections().isEmpty()
        ? h.text()
        : h.text() + " (" + String.join(", ", h.inflections()) + ")";
  }

  static String html(AlertPayload p) {
    StringBuilder b = new StringBuilder("<html><body>");
    b.append("<h2>").append(esc(p.rule().name())).append("</h2>");
    b.append("<p>").append(esc(headline(p))).append("<br>Query: <code>");
    b.append(esc(p.rule().query())).append("</code></p><ul>");
    for (AlertPayload.MatchedArticle a : p.articles()) {
      if (linkable(a.url())) {
        b.append("<li><a href=\"").append(esc(a.url().trim())).append("\">");
        b.append(esc(nullToEmpty(a.title()))).append("</a> ");
      } else {
        b.append("<li>").append(esc(nullToEmpty(a.title()))).append(' ');
      }
      b.append(esc(nullToEmpty(a.source()))).append(' ').append(a.published()).append("</li>");
    }
    b.append("</ul>");
    if (!p.highlights().isEmpty()) {
      b.append("<p>Matched: ");
      b.append(esc(String.join(", ", p.highlights().stream().map(AlertMail::reason).toList())));
      b.append("</p>");
    }
    return b.append("</body></html>").toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
