package io.pantau.index;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SpanQuery;
import io.pantau.query.ExactField;
import io.pantau.query.LuceneCompiler;
import io.pantau.query.QueryText;
import io.pantau.query.TextField;
import io.pantau.text.Fold;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles a Pantau query ({@link io.pantau.query.QueryParser}) to an Elasticsearch query over the
 * {@code articles} mapping, with the meaning {@link io.pantau.query.LuceneCompiler} gives it for
 * alert matching: words and phrases search {@code search.title}/{@code search.body} (which hold
 * folded text), exact fields their lower-cased {@code .lc} subfields. A bare word also matches its
 * stem in the stemmed fields ({@code search.id.title}, {@code search.en.body}, ...), which only
 * articles in that stemmer's language have, so each article is matched in its own language; a
 * prefix is also compared with the stems; a quoted phrase compares surface words only.
 */
public final class QueryCompiler {
  static final String TITLE = Fields.SEARCH_TITLE;
  static final String BODY = Fields.SEARCH_BODY;
  private static final List<String> TEXT_FIELDS = List.of(TITLE, BODY);

  private QueryCompiler() {}

  /** The Elasticsearch query for a parsed Pantau query; an empty query matches every article. */
  public static Query compile(io.pantau.query.QueryNode query) {
    return node(QueryText.searchable(query));
  }

  private static Query node(io.pantau.query.QueryNode q) {
    if (q instanceof io.pantau.query.QueryNode.MatchAll) {
      return Query.of(x -> x.matchAll(m -> m));
    }
    if (q instanceof io.pantau.query.QueryNode.Or or) {
      List<Query> should = new ArrayList<>();
      or.clauses().forEach(c -> should.add(node(c)));
      return anyOf(should);
    }
    if (q instanceof io.pantau.query.QueryNode.And and) {
      BoolQuery.Builder b = new BoolQuery.Builder();
      boolean positive = false;
      for (io.pantau.query.QueryNode c : and.clauses()) {
        if (c instanceof io.pantau.query.QueryNode.Not not) {
          b.mustNot(node(not.clause()));
        } else {
          b.must(node(c));
          positive = true;
        }
      }
      if (!positive) {
        b.must(m -> m.matchAll(a -> a));
      }
      return b.build()._toQuery();
    }
    if (q instanceof io.pantau.query.QueryNode.Not not) {
      return Query.of(
          x -> x.bool(b -> b.must(m -> m.matchAll(a -> a)).mustNot(node(not.clause()))));
    }
    if (q instanceof io.pantau.query.QueryNode.Near near) {
      return near(near);
    }
    if (q instanceof io.pantau.query.QueryNode.FieldValue v) {
      return exact(v);
    }
    List<Query> perField = new ArrayList<>();
    for (String field : fieldsOf(q)) {
      perField.add(text(q, field));
    }
    return anyOf(perField);
  }

  /** Clauses of which one must match; a single one stands alone. */
  private static Query anyOf(List<Query> should) {
    if (should.isEmpty()) {
      return Query.of(x -> x.matchNone(m -> m));
    }
    if (should.size() == 1) {
      return should.get(0);
    }
    return Query.of(x -> x.bool(b -> b.should(should).minimumShouldMatch("1")));
  }

  private static List<String> fieldsOf(io.pantau.query.QueryNode leaf) {
    TextField field =
        leaf instanceof io.pantau.query.QueryNode.Term t
            ? t.field()
            : ((io.pantau.query.QueryNode.Phrase) leaf).field();
    return switch (field) {
      case ANY -> TEXT_FIELDS;
      case TITLE -> List.of(TITLE);
      case BODY -> List.of(BODY);
    };
  }

  private static Query text(io.pantau.query.QueryNode leaf, String field) {
    if (leaf instanceof io.pantau.query.QueryNode.Term t) {
      if (t.prefix()) {
        String prefix = QueryText.prefix(t.word());
        List<Query> any = new ArrayList<>();
        any.add(Query.of(x -> x.prefix(p -> p.field(field).value(prefix))));
        for (String stemmer : QueryText.STEMMERS) {
          String stemmed = Fields.stemmed(field, stemmer);
          any.add(Query.of(x -> x.prefix(p -> p.field(stemmed).value(prefix))));
        }
        return anyOf(any);
      }
      String folded = Fold.fold(t.word());
      // A word the tokenizer splits ("China-Kazakhstan") means its parts side by side.
      if (QueryText.tokens(t.word()).size() > 1) {
        return Query.of(x -> x.matchPhrase(m -> m.field(field).query(folded)));
      }
      List<Query> any = new ArrayList<>();
      any.add(Query.of(x -> x.match(m -> m.field(field).query(folded))));
      for (Map.Entry<String, String> stem : QueryText.stems(t.word()).entrySet()) {
        String stemmed = Fields.stemmed(field, stem.getKey());
        any.add(Query.of(x -> x.term(m -> m.field(stemmed).value(stem.getValue()))));
      }
      return anyOf(any);
    }
    io.pantau.query.QueryNode.Phrase p = (io.pantau.query.QueryNode.Phrase) leaf;
    String folded = Fold.fold(String.join(" ", p.words()));
    return Query.of(
        x ->
            x.matchPhrase(
                m -> {
                  m.field(field).query(folded);
                  return p.slop() > 0 ? m.slop(p.slop()) : m;
                }));
  }

  private static Query exact(io.pantau.query.QueryNode.FieldValue v) {
    String value = QueryText.exact(v.value());
    // lang and storyId have no normalizer: case-insensitive matching equals the lower-cased
    // values the Lucene side compares.
    boolean plainKeyword = v.field() == ExactField.LANG || v.field() == ExactField.STORY;
    List<Query> perField = new ArrayList<>();
    for (String field : exactFields(v.field())) {
      if (v.prefix()) {
        perField.add(
            Query.of(
                x ->
                    x.prefix(
                        p -> {
                          p.field(field).value(value);
                          return plainKeyword ? p.caseInsensitive(true) : p;
                        })));
      } else {
        perField.add(
            Query.of(
                x ->
                    x.term(
                        t -> {
                          t.field(field).value(value);
                          return plainKeyword ? t.caseInsensitive(true) : t;
                        })));
      }
    }
    return anyOf(perField);
  }

  private static List<String> exactFields(ExactField field) {
    return switch (field) {
      case SOURCE -> List.of(Fields.SOURCE_LC);
      case PUBLISHER -> List.of(Fields.PUBLISHER_LC);
      case LANG -> List.of(Fields.LANG);
      case PERSON -> List.of(Fields.ENTITIES_PERSONS_LC);
      case ORG -> List.of(Fields.ENTITIES_ORGANIZATIONS_LC);
      case PLACE -> List.of(Fields.ENTITIES_PLACES_LC);
      case KEYWORD -> List.of(Fields.KEYWORDS_LC, Fields.KEYPHRASES_LC);
      case STORY -> List.of(Fields.STORY_ID);
    };
  }

  private static Query near(io.pantau.query.QueryNode.Near near) {
    List<Query> perField = new ArrayList<>();
    for (String field : TEXT_FIELDS) {
      for (String stemmer : LuceneCompiler.nearStemmers(near)) {
        SpanQuery left = span(near.left(), field, stemmer);
        SpanQuery right = span(near.right(), field, stemmer);
        if (left != null && right != null) {
          perField.add(
              Query.of(
                  x ->
                      x.spanNear(
                          s -> s.clauses(left, right).slop(near.distance()).inOrder(false))));
        }
      }
    }
    return anyOf(perField);
  }

  /**
   * The span of a NEAR operand in one field (its surface words, or with a stemmer its stems), or
   * null where the operand cannot occur there.
   */
  private static SpanQuery span(io.pantau.query.QueryNode operand, String field, String stemmer) {
    if (operand instanceof io.pantau.query.QueryNode.Or or) {
      List<SpanQuery> spans = new ArrayList<>();
      for (io.pantau.query.QueryNode c : or.clauses()) {
        SpanQuery s = span(c, field, stemmer);
        if (s != null) {
          spans.add(s);
        }
      }
      if (spans.isEmpty()) {
        return null;
      }
      return spans.size() == 1 ? spans.get(0) : SpanQuery.of(s -> s.spanOr(o -> o.clauses(spans)));
    }
    if (!fieldsOf(operand).contains(field)) {
      return null;
    }
    String target = stemmer == null ? field : Fields.stemmed(field, stemmer);
    if (operand instanceof io.pantau.query.QueryNode.Term t && t.prefix()) {
      String prefix = QueryText.prefix(t.word());
      return SpanQuery.of(
          s -> s.spanMulti(m -> m.match(x -> x.prefix(p -> p.field(target).value(prefix)))));
    }
    if (stemmer != null) {
      String stem = QueryText.stems(LuceneCompiler.words(operand)).get(stemmer);
      return SpanQuery.of(s -> s.spanTerm(t -> t.field(target).value(stem)));
    }
    String text =
        operand instanceof io.pantau.query.QueryNode.Term t
            ? t.word()
            : String.join(" ", ((io.pantau.query.QueryNode.Phrase) operand).words());
    List<String> terms = QueryText.tokens(text);
    if (terms.size() == 1) {
      return SpanQuery.of(s -> s.spanTerm(t -> t.field(field).value(terms.get(0))));
    }
    List<SpanQuery> sequence = new ArrayList<>();
    for (String term : terms) {
      sequence.add(SpanQuery.of(s -> s.spanTerm(t -> t.field(field).value(term))));
    }
    return SpanQuery.of(s -> s.spanNear(n -> n.clauses(sequence).slop(0).inOrder(true)));
  }
}
