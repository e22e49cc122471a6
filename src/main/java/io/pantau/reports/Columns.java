package io.pantau.reports;

import io.pantau.article.Article;
import io.pantau.article.Entities;
import io.pantau.index.Fields;
import java.util.ArrayList;
import java.util.List;

/** The columns of a report row, shared by CSV and XLSX, and the index fields they need. */
final class Columns {
  static final List<String> HEADER =
      List.of(
          "published",
          "title",
          "source",
          "publisher",
          "url",
          "lang",
          "sentimentScore",
          "sentimentLabel",
          "keywords",
          "persons",
          "organizations",
          "places",
          "storyId",
          "copies");

  /** The {@code _source} fields read from the index: never body, lead or captions. */
  static final List<String> FIELDS =
      List.of(
          Fields.ID,
          Fields.PUBLISHED,
          Fields.TITLE,
          Fields.SOURCE,
          Fields.PUBLISHER,
          Fields.URL,
          Fields.LANG,
          Fields.SENTIMENT,
          Fields.KEYWORDS,
          Fields.ENTITIES,
          Fields.STORY_ID);

  /** Separates the values of a multi-valued cell. */
  static final String JOIN = "; ";

  private Columns() {}

  /**
   * One row, in header order: strings, a Double for the score (null when absent) and a Long for
   * copies.
   */
  static List<Object> row(Article a, long copies) {
    Entities e = a.entities();
    List<Object> v = new ArrayList<>(HEADER.size());
    v.add(a.published() == null ? "" : a.published().toString());
    v.add(text(a.title()));
    v.add(text(a.source()));
    v.add(text(a.publisher()));
    v.add(text(a.url()));
    v.add(text(a.lang()));
    v.add(a.sentiment() == null ? null : a.sentiment().score());
    v.add(a.sentiment() == null ? "" : a.sentiment().label().name());
    v.add(String.join(JOIN, a.keywords()));
    v.add(String.join(JOIN, e.persons()));
    v.add(String.join(JOIN, e.organizations()));
    v.add(String.join(JOIN, e.places()));
    v.add(text(a.storyId()));
    v.add(copies);
    return v;
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
