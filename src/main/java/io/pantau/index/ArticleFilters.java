package io.pantau.index;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import java.util.List;
import java.util.Locale;

/**
 * The source and language restrictions every article request shares (search, analytics), in one
 * place so that {@code source=Kompas.com} means the same everywhere: matched on the lower-cased
 * {@code source.lc} sub-field and the lower-cased {@code lang}.
 */
public final class ArticleFilters {
  private ArticleFilters() {}

  /** Adds the filters for these sources and languages; empty lists restrict nothing. */
  public static void sourcesAndLangs(
      BoolQuery.Builder bool, List<String> sources, List<String> langs) {
    if (!sources.isEmpty()) {
      bool.filter(q -> q.terms(t -> t.field("source.lc").terms(v -> v.value(lower(sources)))));
    }
    if (!langs.isEmpty()) {
      bool.filter(q -> q.terms(t -> t.field("lang").terms(v -> v.value(lower(langs)))));
    }
  }

  private static List<FieldValue> lower(List<String> values) {
    return values.stream().map(v -> FieldValue.of(v.toLowerCase(Locale.ROOT))).toList();
  }
}
