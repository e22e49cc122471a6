package io.pantau.index;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;

/** Builds the Elasticsearch query for an {@link ArticleSearch}: the text query plus filters. */
final class QueryTranslator {

  Query toQuery(ArticleSearch s) {
    BoolQuery.Builder bool = new BoolQuery.Builder();
    if (!(s.q() instanceof io.pantau.query.QueryNode.MatchAll)) {
      bool.must(QueryCompiler.compile(s.q()));
    }
    s.from()
        .ifPresent(
            f ->
                bool.filter(
                    q ->
                        q.range(
                            r ->
                                r.untyped(
                                    u -> u.field("published").gte(JsonData.of(f.toString()))))));
    s.to()
        .ifPresent(
            t ->
                bool.filter(
                    q ->
                        q.range(
                            r ->
                                r.untyped(
                                    u -> u.field("published").lt(JsonData.of(t.toString()))))));
    ArticleFilters.sourcesAndLangs(bool, s.sources(), s.langs());
    s.sentiment()
        .ifPresent(l -> bool.filter(q -> q.term(t -> t.field("sentiment.label").value(l.name()))));
    return Query.of(q -> q.bool(bool.build()));
  }
}
