package io.pantau.clean;

import io.pantau.article.Article;
import io.pantau.article.DatePrecision;
import io.pantau.article.RawArticle;
import io.pantau.text.Words;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/** Splitting plain text into blocks, and the last-resort reading of an input as a plain body. */
final class PlainText {
  private static final Pattern TAG = Pattern.compile("<[^>]{0,2000}>");

  private PlainText() {}

  /**
   * Blocks of a scraped text: paragraphs apart at blank lines. A text with no blank line at all but
   * several lines was scraped one paragraph a line, so each line is a block then.
   */
  static List<Block> blocks(String text) {
    List<Block> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    String t = text.replace("\r\n", "\n").replace('\r', '\n');
    String[] parts = Texts.splitAtBlankLines(t, false);
    if (parts.length == 1 && t.strip().split("\n").length > 3) {
      parts = t.split("\n");
    }
    for (String part : parts) {
      String clean = Texts.lines(part);
      if (!clean.isEmpty()) {
        out.add(Block.of(clean));
      }
    }
    return out;
  }

  /** Every block kept once, the first as title: what a layout-blind reader would make of it. */
  static Article clean(RawArticle raw, Instant fetched) {
    String text = raw.body();
    if (raw.html() != null && !raw.html().isBlank()) {
      // no second parse: the page that brought us here may be the one a parser chokes on
      text = Parser.unescapeEntities(TAG.matcher(raw.html()).replaceAll("\n\n"), false);
    } else if (text != null && text.indexOf('<') >= 0) {
      text = Parser.unescapeEntities(TAG.matcher(text).replaceAll("\n\n"), false);
    }
    List<String> paragraphs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Block b : blocks(text)) {
      String p = Texts.space(b.text());
      if (seen.add(p)) {
        paragraphs.add(p);
      }
    }
    String title = Texts.blankToNull(raw.title());
    if (title == null && paragraphs.size() > 1) {
      title = paragraphs.remove(0);
    }
    String body = String.join("\n\n", paragraphs);
    return Article.builder()
        .url(Texts.blankToNull(raw.url()))
        .title(title)
        .lead(paragraphs.isEmpty() ? null : paragraphs.get(0))
        .body(body)
        .source(Texts.blankToNull(raw.source()))
        .published(fetched)
        .publishedPrecision(DatePrecision.estimated)
        .fetched(fetched)
        .lang(Texts.blankToNull(raw.lang()))
        .wordCount(Words.count(body))
        .build();
  }
}
