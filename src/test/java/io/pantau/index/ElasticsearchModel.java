package io.pantau.index;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SpanQuery;
import io.pantau.query.LuceneCompiler;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * How Elasticsearch runs the few query types {@link QueryCompiler} emits, written as Lucene queries
 * over the test corpus index: the articles mapping's fields renamed to the alert document's, the
 * {@code standard} analyzer for match queries and the {@code lowercase} normalizer for {@code .lc}
 * terms. It lets the Elasticsearch compilation be compared with {@link LuceneCompiler} without a
 * cluster; the cluster itself is checked elsewhere.
 */
final class ElasticsearchModel {
  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("search.title", LuceneCompiler.TITLE),
          Map.entry("search.body", LuceneCompiler.BODY),
          Map.entry("search.id.title", LuceneCompiler.stemField(LuceneCompiler.TITLE, "id")),
          Map.entry("search.id.body", LuceneCompiler.stemField(LuceneCompiler.BODY, "id")),
          Map.entry("search.en.title", LuceneCompiler.stemField(LuceneCompiler.TITLE, "en")),
          Map.entry("search.en.body", LuceneCompiler.stemField(LuceneCompiler.BODY, "en")),
          Map.entry("source.lc", "source"),
          Map.entry("publisher.lc", "publisher"),
          Map.entry("lang", "lang"),
          Map.entry("entities.persons.lc", "person"),
          Map.entry("entities.organizations.lc", "org"),
          Map.entry("entities.places.lc", "place"),
          Map.entry("keywords.lc", "keyword"),
          Map.entry("keyphrases.lc", "keyword"),
          Map.entry("storyId", "story"));

  private static final Analyzer STANDARD = new StandardAnalyzer(CharArraySet.EMPTY_SET);

  private ElasticsearchModel() {}

  static org.apache.lucene.search.Query toLucene(Query q) {
    switch (q._kind()) {
      case MatchAll:
        return new MatchAllDocsQuery();
      case MatchNone:
        return new MatchNoDocsQuery();
      case Bool:
        return bool(q.bool());
      case Match:
        {
          org.apache.lucene.search.Query m =
              new QueryBuilder(STANDARD)
                  .createBooleanQuery(field(q.match().field()), q.match().query().stringValue());
          return m == null ? new MatchNoDocsQuery() : m;
        }
      case MatchPhrase:
        {
          Integer slop = q.matchPhrase().slop();
          org.apache.lucene.search.Query m =
              new QueryBuilder(STANDARD)
                  .createPhraseQuery(
                      field(q.matchPhrase().field()),
                      q.matchPhrase().query(),
                      slop == null ? 0 : slop);
          return m == null ? new MatchNoDocsQuery() : m;
        }
      case Prefix:
        return new PrefixQuery(
            new Term(
                field(q.prefix().field()),
                keywordValue(
                    q.prefix().field(), q.prefix().value(), q.prefix().caseInsensitive())));
      case Term:
        return new TermQuery(
            new Term(
                field(q.term().field()),
                keywordValue(
                    q.term().field(), q.term().value().stringValue(), q.term().caseInsensitive())));
      case SpanNear:
        return span(SpanQuery.of(s -> s.spanNear(q.spanNear())));
      default:
        throw new IllegalArgumentException("not modelled: " + q._kind());
    }
  }

  private static org.apache.lucene.search.Query bool(BoolQuery b) {
    BooleanQuery.Builder out = new BooleanQuery.Builder();
    b.must().forEach(c -> out.add(toLucene(c), Occur.MUST));
    b.filter().forEach(c -> out.add(toLucene(c), Occur.FILTER));
    b.mustNot().forEach(c -> out.add(toLucene(c), Occur.MUST_NOT));
    b.should().forEach(c -> out.add(toLucene(c), Occur.SHOULD));
    if (b.minimumShouldMatch() != null) {
      out.setMinimumNumberShouldMatch(Integer.parseInt(b.minimumShouldMatch()));
    }
    return out.build();
  }

  /**
   * The term a keyword field compares: {@code .lc} fields normalise query terms with their
   * normalizer; {@code case_insensitive} on a plain keyword matches any case, which over the
   * lower-cased test index is the lower-cased value.
   */
  private static String keywordValue(String esField, String value, Boolean caseInsensitive) {
    boolean lower = esField.endsWith(".lc") || Boolean.TRUE.equals(caseInsensitive);
    if (!lower || esField.startsWith("search.")) {
      return value;
    }
    StringBuilder out = new StringBuilder();
    value.codePoints().map(Character::toLowerCase).forEach(out::appendCodePoint);
    return out.toString();
  }

  private static org.apache.lucene.queries.spans.SpanQuery span(SpanQuery s) {
    switch (s._kind()) {
      case SpanTerm:
        return new org.apache.lucene.queries.spans.SpanTermQuery(
            new Term(field(s.spanTerm().field()), s.spanTerm().value()));
      case SpanOr:
        return new SpanOrQuery(spans(s.spanOr().clauses()));
      case SpanNear:
        return new SpanNearQuery(
            spans(s.spanNear().clauses()),
            s.spanNear().slop() == null ? 0 : s.spanNear().slop(),
            s.spanNear().inOrder() == null || s.spanNear().inOrder());
      case SpanMulti:
        {
          Query match = s.spanMulti().match();
          if (!match.isPrefix()) {
            throw new IllegalArgumentException("not modelled: span_multi of " + match._kind());
          }
          return new SpanMultiTermQueryWrapper<>(
              new PrefixQuery(new Term(field(match.prefix().field()), match.prefix().value())));
        }
      default:
        throw new IllegalArgumentException("not modelled: " + s._kind());
    }
  }

  private static org.apache.lucene.queries.spans.SpanQuery[] spans(List<SpanQuery> clauses) {
    return clauses.stream()
        .map(ElasticsearchModel::span)
        .toArray(org.apache.lucene.queries.spans.SpanQuery[]::new);
  }

  private static String field(String esField) {
    String field = FIELDS.get(esField);
    if (field == null) {
      throw new IllegalArgumentException("not in the articles mapping model: " + esField);
    }
    return field;
  }
}
