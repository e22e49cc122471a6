package io.pantau.analytics;

import io.pantau.index.Fields;

/** The article field that keyword rankings and trending terms count. */
public enum TermField {
  keyphrases(Fields.KEYPHRASES),
  keywords(Fields.KEYWORDS);

  final String field;

  TermField(String field) {
    this.field = field;
  }
}
