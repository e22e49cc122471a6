package io.pantau.analytics;

/** The article field that keyword rankings and trending terms count. */
public enum TermField {
  keyphrases("keyphrases"),
  keywords("keywords");

  final String field;

  TermField(String field) {
    this.field = field;
  }
}
