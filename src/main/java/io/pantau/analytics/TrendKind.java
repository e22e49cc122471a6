package io.pantau.analytics;

/** What a trend document counts; the names are the {@code kind} values of {@code pantau-trends}. */
public enum TrendKind {
  /** Keyphrases, as {@code /api/analytics/keywords} counts them by default. */
  keyword("keyphrases"),
  source("source"),
  person("entities.persons"),
  organization("entities.organizations"),
  place("entities.places"),
  /** Every article of the day, under the term {@code *}. */
  all(null);

  final String field;

  TrendKind(String field) {
    this.field = field;
  }
}
