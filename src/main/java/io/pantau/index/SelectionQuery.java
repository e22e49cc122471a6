package io.pantau.index;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import io.pantau.query.Selection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The one place a selection of articles becomes an Elasticsearch query, for search and aggregation
 * requests alike, so that {@code source=Kompas.com} or a period means the same everywhere: sources
 * are matched on the lower-cased {@code source.lc} sub-field and languages on the lower-cased
 * {@code lang}.
 */
final class SelectionQuery {
  private SelectionQuery() {}

  /**
   * A search: the query scores the hits ({@code must}); its bounds, sources, languages and the
   * sentiment label only filter.
   */
  static Query search(ArticleSearch s) {
    Selection sel = s.selection();
    BoolQuery.Builder bool = new BoolQuery.Builder();
    if (sel.hasQuery()) {
      bool.must(QueryCompiler.compile(sel.q()));
    }
    sel.from()
        .ifPresent(
            f ->
                bool.filter(
                    q ->
                        q.range(
                            r ->
                                r.untyped(
                                    u ->
                                        u.field(Fields.PUBLISHED)
                                            .gte(JsonData.of(f.toString()))))));
    sel.to()
        .ifPresent(
            t ->
                bool.filter(
                    q ->
                        q.range(
                            r ->
                                r.untyped(
                                    u ->
                                        u.field(Fields.PUBLISHED).lt(JsonData.of(t.toString()))))));
    sourcesAndLangs(bool, sel);
    s.sentiment()
        .ifPresent(
            l -> bool.filter(q -> q.term(t -> t.field(Fields.SENTIMENT_LABEL).value(l.name()))));
    return Query.of(q -> q.bool(bool.build()));
  }

  /**
   * An aggregation scope: the articles of the selection's period, which must have both ends, that
   * pass its query, sources and languages; all in filter context, nothing here is scored.
   */
  static Query scope(Selection s) {
    BoolQuery.Builder bool = new BoolQuery.Builder();
    bool.filter(published(bound(s.from(), "from"), bound(s.to(), "to")));
    if (s.hasQuery()) {
      bool.filter(QueryCompiler.compile(s.q()));
    }
    sourcesAndLangs(bool, s);
    return Query.of(q -> q.bool(bool.build()));
  }

  /** Articles published in {@code [from, to)}. */
  static Query published(Instant from, Instant to) {
    return Query.of(
        q ->
            q.range(
                r ->
                    r.untyped(
                        u ->
                            u.field(Fields.PUBLISHED)
                                .gte(JsonData.of(from.toString()))
                                .lt(JsonData.of(to.toString())))));
  }

  private static Instant bound(java.util.Optional<Instant> end, String name) {
    return end.orElseThrow(
        () -> new IllegalArgumentException("an aggregation scope needs its " + name + " bound"));
  }

  /** Adds the filters for the selection's sources and languages; empty lists restrict nothing. */
  private static void sourcesAndLangs(BoolQuery.Builder bool, Selection s) {
    if (!s.sources().isEmpty()) {
      bool.filter(
          q -> q.terms(t -> t.field(Fields.SOURCE_LC).terms(v -> v.value(lower(s.sources())))));
    }
    if (!s.langs().isEmpty()) {
      bool.filter(q -> q.terms(t -> t.field(Fields.LANG).terms(v -> v.value(lower(s.langs())))));
    }
  }

  private static List<FieldValue> lower(List<String> values) {
    return values.stream().map(v -> FieldValue.of(v.toLowerCase(Locale.ROOT))).toList();
  }
}
