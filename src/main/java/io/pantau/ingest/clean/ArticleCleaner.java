package io.pantau.ingest.clean;

import io.pantau.article.Article;
import io.pantau.article.DatePrecision;
import io.pantau.article.RawArticle;
import io.pantau.text.Words;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns a raw input into a clean article: title, paragraphs, dates, source. Pure: no I/O.
 *
 * <p>This is the plain-text baseline; layout-aware extraction of datelines, captions, credits and
 * rights builds on it.
 */
public final class ArticleCleaner {

  /** Cleans one raw article. The result has no id yet; ingest assigns identity. */
  public Article clean(RawArticle raw) {
    Instant fetched = raw.fetchedAt() == null ? Instant.now() : raw.fetchedAt();
    List<String> blocks;
    String title = blankToNull(raw.title());
    if (raw.html() != null && !raw.html().isBlank()) {
      Document doc = Jsoup.parse(raw.html());
      if (title == null) {
        title = blankToNull(doc.title());
      }
      blocks = htmlBlocks(doc.body());
    } else if (looksLikeHtml(raw.body())) {
      blocks = htmlBlocks(Jsoup.parseBodyFragment(raw.body()).body());
    } else {
      blocks = textBlocks(raw.body());
    }
    if (title == null && blocks.size() > 1) {
      title = blocks.remove(0);
    }
    List<String> paragraphs = new ArrayList<>(new LinkedHashSet<>(blocks));
    String body = String.join("\n\n", paragraphs);
    Dated dated = parseDate(raw.published(), fetched);
    return Article.builder()
        .url(blankToNull(raw.url()))
        .title(title)
        .lead(paragraphs.isEmpty() ? null : paragraphs.get(0))
        .body(body)
        .source(blankToNull(raw.source()))
        .published(dated.at())
        .publishedPrecision(dated.precision())
        .fetched(fetched)
        .lang(blankToNull(raw.lang()))
        .wordCount(Words.count(body))
        .build();
  }

  private record Dated(Instant at, DatePrecision precision) {}

  private static Dated parseDate(String published, Instant fetched) {
    if (published != null && !published.isBlank()) {
      String p = published.trim();
      try {
        return new Dated(OffsetDateTime.parse(p).toInstant(), DatePrecision.exact);
      } catch (DateTimeParseException e) {
        // not a full timestamp; try a plain instant or date below
      }
      try {
        return new Dated(Instant.parse(p), DatePrecision.exact);
      } catch (DateTimeParseException e) {
        // fall through
      }
      try {
        return new Dated(
            LocalDate.parse(p).atStartOfDay().toInstant(ZoneOffset.UTC), DatePrecision.day);
      } catch (DateTimeParseException e) {
        // fall through to the fetch time
      }
    }
    return new Dated(fetched, DatePrecision.estimated);
  }

  static boolean looksLikeHtml(String s) {
    return s != null && s.indexOf('<') >= 0 && s.matches("(?s).*</?[a-zA-Z][^>]*>.*");
  }

  private static List<String> htmlBlocks(Element root) {
    List<String> out = new ArrayList<>();
    for (Element e : root.select("h1, h2, h3, p, li, blockquote")) {
      String t = normalizeSpace(e.text());
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    if (out.isEmpty()) {
      out.addAll(textBlocks(root.wholeText()));
    }
    return out;
  }

  private static List<String> textBlocks(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String block : text.replace("\r\n", "\n").split("\n\\s*\n")) {
      String t = normalizeSpace(block);
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  private static String normalizeSpace(String s) {
    return s.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** Paragraphs kept once, in first-seen order. */
  static List<String> distinct(List<String> paragraphs) {
    Set<String> seen = new LinkedHashSet<>(paragraphs);
    return new ArrayList<>(seen);
  }
}
