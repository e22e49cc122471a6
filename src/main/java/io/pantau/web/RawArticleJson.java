package io.pantau.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.pantau.article.RawArticle;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the JSON form of a submitted article, reporting wrongly typed fields by name. */
final class RawArticleJson {
  static final Set<String> TEXT_FIELDS =
      Set.of("url", "title", "body", "html", "source", "published", "lang", "fetchedAt");

  private RawArticleJson() {}

  /** The article, or the list of problems with it. */
  record Parsed(RawArticle article, List<String> problems) {}

  static Parsed parse(JsonNode node) {
    List<String> problems = new ArrayList<>();
    if (node == null || !node.isObject()) {
      problems.add("each article must be a JSON object");
      return new Parsed(null, problems);
    }
    for (String f : TEXT_FIELDS) {
      JsonNode v = node.get(f);
      if (v != null && !v.isNull() && !v.isTextual()) {
        problems.add(f + " must be a string");
      }
    }
    Instant fetchedAt = null;
    String fetched = text(node, "fetchedAt");
    if (fetched != null) {
      try {
        fetchedAt = Instant.parse(fetched);
      } catch (DateTimeParseException e) {
        problems.add("fetchedAt must be an ISO-8601 instant, e.g. 2025-06-16T08:00:00Z");
      }
    }
    if (!problems.isEmpty()) {
      return new Parsed(null, problems);
    }
    return new Parsed(
        new RawArticle(
            text(node, "url"),
            text(node, "title"),
            text(node, "body"),
            text(node, "html"),
            text(node, "source"),
            text(node, "published"),
            text(node, "lang"),
            fetchedAt),
        problems);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isTextual() ? null : v.asText();
  }
}
