package io.pantau.analytics;

import io.pantau.index.Fields;

/** What a trend document counts; the names are the {@code kind} values of {@code pantau-trends}. */
public enum TrendKind {
  /** Keyphrases, as {@code /api/analytics/keywords} counts them by default. */
  keyword(Fields.KEYPHRASES),
  source(Fields.SOURCE),
  person(Fields.ENTITIES_PERSONS),
  organization(Fields.ENTITIES_ORGANIZATIONS),
  place(Fields.ENTITIES_PLACES),
  /** Every article of the day, under the term {@code *}. */
  all(null);

  final String field;

  TrendKind(String field) {
    this.field = field;
  }
}
