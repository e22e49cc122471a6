package io.pantau.demo;

import io.pantau.article.RawArticle;
import io.pantau.demo.Lexicon.Outlet;
import io.pantau.demo.Story.Kind;
import io.pantau.demo.Story.Paragraph;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Lays a story out the way one outlet's page reads once scraped: plain text with the outlet's
 * chrome, a feed item (title apart, little chrome) or a whole HTML page.
 */
final class Layout {
  enum Form {
    TEXT,
    FEED,
    HTML
  }

  /** What varies between the original and a syndicated copy of the same story. */
  record Copy(
      Outlet outlet,
      Scene chrome,
      OffsetDateTime published,
      boolean dated,
      Instant fetchedAt,
      String url,
      String syndicationNote) {}

  private Layout() {}

  static Form form(Outlet outlet, double roll) {
    if (roll < outlet.share("html")) {
      return Form.HTML;
    }
    return roll < outlet.share("html") + outlet.share("feed") ? Form.FEED : Form.TEXT;
  }

  static RawArticle render(Story story, Copy copy, Form form) {
    String published =
        copy.dated() ? copy.published().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) : null;
    String lang = story.scene().lang;
    return switch (form) {
      case FEED ->
          new RawArticle(
              copy.url(),
              story.title(),
              feedBody(story, copy),
              null,
              copy.outlet().host(),
              published,
              lang,
              copy.fetchedAt());
      case TEXT ->
          new RawArticle(
              copy.url(),
              null,
              text(story, copy),
              null,
              copy.outlet().host(),
              published,
              null,
              copy.fetchedAt());
      case HTML ->
          new RawArticle(
              copy.url(),
              null,
              null,
              html(story, copy),
              copy.outlet().host(),
              published,
              null,
              copy.fetchedAt());
    };
  }

  private static String feedBody(Story story, Copy copy) {
    StringBuilder out = new StringBuilder(opening(story));
    for (Paragraph p : story.paragraphs()) {
      if (p.isStory()) {
        out.append("\n\n").append(p.text());
      }
    }
    appendBlock(out, copy.syndicationNote());
    appendBlock(out, story.credits());
    return out.toString();
  }

  private static String text(Story story, Copy copy) {
    Scene c = copy.chrome();
    String lang = c.lang;
    boolean aggregator = c.rng.nextDouble() < copy.outlet().share("aggregator");
    StringBuilder out = new StringBuilder(story.title());
    if (aggregator) {
      c.extra.put("num", Long.toString(ago(copy)));
      c.extra.put("ago", c.line(c.texts.vocab().require(agoUnit(copy)).get(0)));
      appendBlock(out, c.line("{ago} {n:1-40}"));
    }
    appendBlock(out, byline(copy));
    appendBlock(out, opening(story));
    String photo = copy.outlet().get("photo", lang);
    String related = copy.outlet().get("related", lang);
    for (Paragraph p : story.paragraphs()) {
      if (p.kind() == Kind.CAPTION) {
        appendBlock(out, p.text() + " " + line(c, photo));
      } else if (p.kind() == Kind.RELATED) {
        if (related != null) {
          appendBlock(out, line(c, related) + " " + p.text());
        }
      } else {
        appendBlock(out, p.text());
      }
    }
    appendBlock(out, copy.syndicationNote());
    appendBlock(out, story.credits());
    appendBlock(out, line(c, copy.outlet().get("rights", lang)));
    appendBlock(out, line(c, copy.outlet().get("footer", lang)));
    if (aggregator) {
      String name = c.pick(c.texts.vocab().require("aggregator"));
      appendBlock(out, c.line(c.texts.vocab().require("read.entire").get(0)));
      out.append('\n').append(name).append(" | | | |");
    }
    return out.toString();
  }

  private static String html(Story story, Copy copy) {
    Scene c = copy.chrome();
    String lang = c.lang;
    Outlet outlet = copy.outlet();
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n");
    h.append("<meta charset=\"utf-8\">\n<title>")
        .append(esc(story.title()))
        .append(" - ")
        .append(esc(outlet.name()))
        .append("</title>\n");
    h.append("<link rel=\"canonical\" href=\"").append(esc(copy.url())).append("\">\n");
    if (copy.dated()) {
      h.append("<meta property=\"article:published_time\" content=\"")
          .append(copy.published().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
          .append("\">\n");
    }
    h.append("</head>\n<body>\n<header class=\"site-header\">\n<a class=\"logo\" href=\"/\">")
        .append(esc(outlet.name()))
        .append("</a>\n<nav><ul>");
    for (String item : c.texts.vocab().require("html.nav")) {
      h.append("<li><a href=\"/")
          .append(slug(item, 3))
          .append("\">")
          .append(esc(item))
          .append("</a></li>");
    }
    h.append("</ul></nav>\n</header>\n<main>\n<article>\n<h1>")
        .append(esc(story.title()))
        .append("</h1>\n");
    String byline = byline(copy);
    if (byline != null) {
      h.append("<div class=\"byline\">")
          .append(esc(byline).replace("\n", "<br>"))
          .append("</div>\n");
    }
    h.append("<p>").append(esc(opening(story))).append("</p>\n");
    String photo = line(c, outlet.get("photo", lang));
    String related = line(c, outlet.get("related", lang));
    int figure = 0;
    for (Paragraph p : story.paragraphs()) {
      switch (p.kind()) {
        case CAPTION ->
            h.append("<figure><img src=\"/img/")
                .append(slug(story.title(), 5))
                .append('-')
                .append(++figure)
                .append(".jpg\" alt=\"\"><figcaption>")
                .append(esc(p.text()))
                .append(photo == null ? "" : " " + esc(photo))
                .append("</figcaption></figure>\n");
        case RELATED -> {
          if (related != null) {
            h.append("<p class=\"read-also\"><strong>")
                .append(esc(related))
                .append("</strong> <a href=\"/")
                .append(slug(p.text(), 8))
                .append("\">")
                .append(esc(p.text()))
                .append("</a></p>\n");
          }
        }
        default -> h.append("<p>").append(esc(p.text())).append("</p>\n");
      }
    }
    if (copy.syndicationNote() != null) {
      h.append("<p class=\"source-note\">").append(esc(copy.syndicationNote())).append("</p>\n");
    }
    if (story.credits() != null) {
      h.append("<div class=\"credits\">")
          .append(esc(story.credits()).replace("\n", "<br>"))
          .append("</div>\n");
    }
    h.append("</article>\n");
    h.append("<aside class=\"related\"><h2>")
        .append(esc(c.texts.vocab().require("html.related").get(0)))
        .append("</h2><ul>\n");
    for (String title : story.related()) {
      h.append("<li><a href=\"/")
          .append(slug(title, 8))
          .append("\">")
          .append(esc(title))
          .append("</a></li>\n");
    }
    h.append("</ul></aside>\n<section class=\"comments\"><h2>")
        .append(esc(c.texts.vocab().require("html.comments").get(0)))
        .append("</h2>\n");
    int comments = 1 + c.rng.nextInt(3);
    for (int i = 0; i < comments; i++) {
      h.append("<div class=\"comment\"><span class=\"user\">")
          .append(esc(c.pick(c.texts.vocab().require("commenter"))))
          .append("</span><p>")
          .append(esc(c.sentence(c.pick(c.texts.vocab().require("comment")))))
          .append("</p></div>\n");
    }
    h.append("</section>\n</main>\n<footer>\n");
    String rights = line(c, outlet.get("rights", lang));
    if (rights != null) {
      for (String r : rights.split("\n+")) {
        h.append("<p>").append(esc(r)).append("</p>\n");
      }
    }
    h.append("</footer>\n</body>\n</html>\n");
    return h.toString();
  }

  /**
   * The byline block, which carries the date on most outlets; an undated copy goes without it, so
   * that only the relative dates in the text ("pada Senin (16/6)", "2 hours ago") place it.
   */
  private static String byline(Copy copy) {
    return copy.dated()
        ? line(copy.chrome(), copy.outlet().get("byline", copy.chrome().lang))
        : null;
  }

  private static String opening(Story story) {
    return story.dateline().isBlank() ? story.lead() : story.dateline() + " " + story.lead();
  }

  private static String agoUnit(Copy copy) {
    long minutes = Duration.between(copy.published().toInstant(), copy.fetchedAt()).toMinutes();
    return minutes < 60 ? "ago.minutes" : minutes < 48 * 60 ? "ago.hours" : "ago.days";
  }

  private static long ago(Copy copy) {
    long minutes =
        Math.max(1, Duration.between(copy.published().toInstant(), copy.fetchedAt()).toMinutes());
    return minutes < 60 ? minutes : minutes < 48 * 60 ? minutes / 60 : minutes / (24 * 60);
  }

  private static String line(Scene c, String template) {
    return template == null ? null : c.line(template.replace("\\n", "\n"));
  }

  private static void appendBlock(StringBuilder out, String block) {
    if (block != null && !block.isBlank()) {
      out.append("\n\n").append(block);
    }
  }

  /** Lower-case ASCII words joined by hyphens, accents dropped, at most {@code maxWords}. */
  static String slug(String text, int maxWords) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(folded.length());
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < folded.length(); i++) {
      char c = Character.toLowerCase(folded.charAt(i));
      boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (keep && !inWord) {
        if (words == maxWords) {
          break;
        }
        if (words > 0) {
          out.append('-');
        }
        words++;
      }
      if (keep) {
        out.append(c);
      } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
        // An accent split off by NFD belongs to the letter before it; the word goes on.
        continue;
      }
      inWord = keep;
    }
    return out.toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
