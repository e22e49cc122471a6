package io.pantau.query;

import java.util.Locale;

/** A field matched by whole normalised value rather than by words. */
public enum ExactField {
  SOURCE,
  PUBLISHER,
  LANG,
  PERSON,
  ORG,
  PLACE,
  /** Either a keyword or a keyphrase of the article. */
  KEYWORD,
  STORY;

  /** The name as written in a query ({@code person}). */
  public String queryName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
