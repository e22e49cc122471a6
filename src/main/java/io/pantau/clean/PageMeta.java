package io.pantau.clean;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about itself in its head and structured data (Open Graph, article meta, JSON-LD,
 * canonical link), read before any element is removed.
 */
record PageMeta(
    String title,
    String canonicalUrl,
    String published,
    String author,
    String publisher,
    String siteName,
    String lang,
    String copyrightHolder,
    String robots,
    String license) {

  static final PageMeta NONE =
      new PageMeta(null, null, null, null, null, null, null, null, null, null);

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .build();

  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "newsarticle",
          "article",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "blogposting",
          "liveblogposting",
          "backgroundnewsarticle");

  static PageMeta read(Document doc) {
    JsonNode ld = articleLd(doc);
    String title =
        first(
            meta(doc, "meta[property=og:title]"),
            meta(doc, "meta[name=twitter:title]"),
            text(ld, "headline"),
            heading(doc),
            siteless(doc.title()));
    String canonical =
        first(
            attr(doc, "link[rel=canonical]", "abs:href"),
            attr(doc, "link[rel=canonical]", "href"),
            meta(doc, "meta[property=og:url]"));
    String published =
        first(
            meta(doc, "meta[property=article:published_time]"),
            text(ld, "datePublished"),
            meta(doc, "meta[itemprop=datePublished]"),
            meta(doc, "meta[name=pubdate]"),
            meta(doc, "meta[name=publishdate]"),
            meta(doc, "meta[name=publish-date]"),
            meta(doc, "meta[name=content_PublishedDate]"),
            meta(doc, "meta[name=dc.date]"),
            meta(doc, "meta[name=date]"),
            attr(doc, "time[itemprop=datePublished]", "datetime"),
            inArticle(doc, "time[datetime]", "datetime"));
    String author =
        first(names(ld == null ? null : ld.get("author")), meta(doc, "meta[name=author]"));
    String publisher = ld == null ? null : names(ld.get("publisher"));
    String holder = ld == null ? null : names(ld.get("copyrightHolder"));
    String lang =
        first(
            doc.selectFirst(Selectors.of("html")) == null
                ? null
                : doc.selectFirst(Selectors.of("html")).attr("lang"),
            meta(doc, "meta[http-equiv=content-language]"),
            text(ld, "inLanguage"));
    String robots = first(meta(doc, "meta[name=robots]"), meta(doc, "meta[name=googlebot]"));
    String license = first(attr(doc, "link[rel=license]", "href"), text(ld, "license"));
    return new PageMeta(
        title,
        canonical,
        published,
        author != null && author.startsWith("http") ? null : author,
        publisher,
        meta(doc, "meta[property=og:site_name]"),
        lang == null ? null : lang.toLowerCase(Locale.ROOT).split("[-_]")[0],
        holder,
        robots,
        license);
  }

  /** "Story title | Site name" loses the site name: it is not part of the headline. */
  static String siteless(String title) {
    if (title == null) {
      return null;
    }
    String[] parts = title.split("\\s+[|\\-–—]\\s+");
    return parts.length > 1 && parts[0].split("\\s+").length >= 3 ? parts[0].trim() : title.trim();
  }

  private static String heading(Document doc) {
    String inArticle = inArticle(doc, "h1", null);
    if (inArticle != null) {
      return inArticle;
    }
    Element h1 = doc.selectFirst(Selectors.of("h1"));
    return h1 == null ? null : blank(h1.text());
  }

  /**
   * The first match inside an {@code <article>}: its attribute, or its text when attr is null.
   * Searched article by article, as a descendant selector costs time in the depth of the page.
   */
  private static String inArticle(Document doc, String css, String attr) {
    for (Element article : doc.getElementsByTag("article")) {
      Element e = article.selectFirst(Selectors.of(css));
      if (e != null) {
        return blank(attr == null ? e.text() : e.attr(attr));
      }
    }
    return null;
  }

  private static JsonNode articleLd(Document doc) {
    JsonNode found = null;
    for (Element script : doc.select(Selectors.of("script[type=application/ld+json]"))) {
      try {
        JsonNode root = JSON.readTree(script.data());
        found = find(root);
      } catch (java.io.IOException | RuntimeException e) {
        // broken structured data is common; the page text still carries the story
        continue;
      }
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static JsonNode find(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isArray()) {
      for (JsonNode n : node) {
        JsonNode f = find(n);
        if (f != null) {
          return f;
        }
      }
      return null;
    }
    if (!node.isObject()) {
      return null;
    }
    JsonNode type = node.get("@type");
    List<String> types = new ArrayList<>();
    if (type != null && type.isArray()) {
      type.forEach(t -> types.add(t.asText().toLowerCase(Locale.ROOT)));
    } else if (type != null) {
      types.add(type.asText().toLowerCase(Locale.ROOT));
    }
    for (String t : types) {
      if (ARTICLE_TYPES.contains(t)) {
        return node;
      }
    }
    JsonNode graph = node.get("@graph");
    return graph == null ? null : find(graph);
  }

  private static String names(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return blank(node.asText());
    }
    if (node.isArray()) {
      List<String> out = new ArrayList<>();
      for (JsonNode n : node) {
        String name = names(n);
        if (name != null && !out.contains(name)) {
          out.add(name);
        }
      }
      return out.isEmpty() ? null : String.join(", ", out);
    }
    JsonNode name = node.get("name");
    return name == null ? null : blank(name.asText());
  }

  private static String text(JsonNode ld, String field) {
    if (ld == null || ld.get(field) == null) {
      return null;
    }
    JsonNode v = ld.get(field);
    return v.isValueNode() ? blank(v.asText()) : names(v);
  }

  private static String meta(Document doc, String css) {
    return attr(doc, css, "content");
  }

  private static String attr(Document doc, String css, String attr) {
    Element e = doc.selectFirst(Selectors.of(css));
    return e == null ? null : blank(e.attr(attr));
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return null;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
