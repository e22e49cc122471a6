package io.pantau.alerts;

import java.util.Locale;

/** The text and HTML parts of an alert e-mail. */
final class AlertMail {
  private AlertMail() {}

  static String subject(AlertPayload p) {
    return "[Pantau] " + p.rule().name() + ": " + headline(p);
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
      b.append(String.join(", ", p.highlights().stream().map(Highlight::text).toList()));
      b.append('\n');
    }
    return b.toString();
  }

  static String html(AlertPayload p) {
    StringBuilder b = new StringBuilder("<html><body>");
    b.append("<h2>").append(esc(p.rule().name())).append("</h2>");
    b.append("<p>").append(esc(headline(p))).append("<br>Query: <code>");
    b.append(esc(p.rule().query())).append("</code></p><ul>");
    for (AlertPayload.MatchedArticle a : p.articles()) {
      b.append("<li><a href=\"").append(esc(nullToEmpty(a.url()))).append("\">");
      b.append(esc(nullToEmpty(a.title()))).append("</a> ");
      b.append(esc(nullToEmpty(a.source()))).append(' ').append(a.published()).append("</li>");
    }
    b.append("</ul>");
    if (!p.highlights().isEmpty()) {
      b.append("<p>Matched: ");
      b.append(esc(String.join(", ", p.highlights().stream().map(Highlight::text).toList())));
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
