package io.pantau.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Compiles a {@link QueryNode} to Lucene for matching single articles (alerts), with the meaning
 * that {@code io.pantau.index.QueryCompiler} gives it in Elasticsearch.
 *
 * <p>The document it expects: {@link #TITLE} and {@link #BODY} hold the {@code Fold.fold}ed text
 * analysed with {@link QueryText#analyzer()}; each exact field, named by {@link
 * #fieldName(ExactField)}, holds untokenised values passed through {@link QueryText#exact(String)}
 * ({@code keyword} holds both the keywords and the keyphrases).
 */
public final class LuceneCompiler {
  /** The folded, analysed title. */
  public static final String TITLE = "title";

  /** The folded, analysed body. */
  public static final String BODY = "body";

  private static final List<String> TEXT_FIELDS = List.of(TITLE, BODY);

  private LuceneCompiler() {}

  /**
   * The field holding a stemmer's stems of a text field ({@code title.id}): the stems of the
   * field's tokens, one per position, analysed with {@link QueryText#stemAnalyzer()}. Only an
   * article in that stemmer's language has it.
   */
  public static String stemField(String field, String stemmer) {
    return field + "." + stemmer;
  }

  /**
   * Whether the words of a NEAR may match their inflections: only when every operand is a bare word
   * of one token or a prefix. A quoted phrase on either side means words as written, and so the
   * whole NEAR compares surface words.
   */
  public static boolean nearStems(QueryNode.Near near) {
    return stemmableOperand(near.left()) && stemmableOperand(near.right());
  }

  /**
   * What a NEAR is looked for in within each text field: its surface words ({@code null}) and,
   * where {@link #nearStems} allows, each stemmer's stems.
   */
  public static List<String> nearStemmers(QueryNode.Near near) {
    List<String> out = new ArrayList<>();
    out.add(null);
    if (nearStems(near)) {
      out.addAll(QueryText.STEMMERS);
    }
    return out;
  }

  private static boolean stemmableOperand(QueryNode operand) {
    if (operand instanceof QueryNode.Or or) {
      return or.clauses().stream().allMatch(LuceneCompiler::stemmableOperand);
    }
    return operand instanceof QueryNode.Term t
        && (t.prefix() || QueryText.tokens(t.word()).size() == 1);
  }

  /** The Lucene field holding the values of an exact field. */
  public static String fieldName(ExactField field) {
    return field.queryName();
  }

  /** The Lucene query matching what the Elasticsearch compilation of {@code query} matches. */
  public static org.apache.lucene.search.Query compile(QueryNode query) {
    return compileNode(QueryText.searchable(query));
  }

  private static org.apache.lucene.search.Query compileNode(QueryNode q) {
    if (q instanceof QueryNode.MatchAll) {
      return new MatchAllDocsQuery();
    }
    if (q instanceof QueryNode.Or or) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      or.clauses().forEach(c -> b.add(compileNode(c), Occur.SHOULD));
      return b.setMinimumNumberShouldMatch(1).build();
    }
    if (q instanceof QueryNode.And and) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      boolean positive = false;
      for (QueryNode c : and.clauses()) {
        if (c instanceof QueryNode.Not not) {
          b.add(compileNode(not.clause()), Occur.MUST_NOT);
        } else {
          b.add(compileNode(c), Occur.MUST);
          positive = true;
        }
      }
      if (!positive) {
        b.add(new MatchAllDocsQuery(), Occur.MUST);
      }
      return b.build();
    }
    if (q instanceof QueryNode.Not not) {
      return new BooleanQuery.Builder()
          .add(new MatchAllDocsQuery(), Occur.MUST)
          .add(compileNode(not.clause()), Occur.MUST_NOT)
          .build();
    }
    if (q instanceof QueryNode.Near near) {
      return near(near);
    }
    if (q instanceof QueryNode.FieldValue v) {
      Term term = new Term(fieldName(v.field()), QueryText.exact(v.value()));
      return v.prefix() ? new PrefixQuery(term) : new TermQuery(term);
    }
    List<org.apache.lucene.search.Query> perField = new ArrayList<>();
    for (String field : fieldsOf(q)) {
      perField.add(text(q, field));
    }
    return anyOf(perField);
  }

  private static org.apache.lucene.search.Query anyOf(List<org.apache.lucene.search.Query> qs) {
    if (qs.isEmpty()) {
      return new MatchNoDocsQuery("no clause left");
    }
    if (qs.size() == 1) {
      return qs.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    qs.forEach(x -> b.add(x, Occur.SHOULD));
    return b.setMinimumNumberShouldMatch(1).build();
  }

  private static List<String> fieldsOf(QueryNode leaf) {
    TextField field =
        leaf instanceof QueryNode.Term t ? t.field() : ((QueryNode.Phrase) leaf).field();
    return switch (field) {
      case ANY -> TEXT_FIELDS;
      case TITLE -> List.of(TITLE);
      case BODY -> List.of(BODY);
    };
  }

  private static org.apache.lucene.search.Query text(QueryNode leaf, String field) {
    if (leaf instanceof QueryNode.Term t && t.prefix()) {
      String prefix = QueryText.prefix(t.word());
      List<org.apache.lucene.search.Query> any = new ArrayList<>();
      any.add(new PrefixQuery(new Term(field, prefix)));
      for (String stemmer : QueryText.STEMMERS) {
        any.add(new PrefixQuery(new Term(stemField(field, stemmer), prefix)));
      }
      return anyOf(any);
    }
    QueryText.Analyzed analyzed = QueryText.analyze(words(leaf));
    if (analyzed.terms().size() == 1) {
      TermQuery surface = new TermQuery(new Term(field, analyzed.terms().get(0)));
      if (!(leaf instanceof QueryNode.Term t)) {
        return surface;
      }
      List<org.apache.lucene.search.Query> any = new ArrayList<>();
      any.add(surface);
      for (Map.Entry<String, String> stem : QueryText.stems(t.word()).entrySet()) {
        any.add(new TermQuery(new Term(stemField(field, stem.getKey()), stem.getValue())));
      }
      return anyOf(any);
    }
    PhraseQuery.Builder b = new PhraseQuery.Builder();
    for (int i = 0; i < analyzed.terms().size(); i++) {
      b.add(new Term(field, analyzed.terms().get(i)), analyzed.positions().get(i));
    }
    return b.setSlop(leaf instanceof QueryNode.Phrase p ? p.slop() : 0).build();
  }

  /** The text a word or phrase leaf stands for, before folding and tokenising. */
  public static String words(QueryNode leaf) {
    return leaf instanceof QueryNode.Term t
        ? t.word()
        : String.join(" ", ((QueryNode.Phrase) leaf).words());
  }

  private static org.apache.lucene.search.Query near(QueryNode.Near near) {
    List<org.apache.lucene.search.Query> perField = new ArrayList<>();
    for (String field : TEXT_FIELDS) {
      for (String stemmer : nearStemmers(near)) {
        SpanQuery left = span(near.left(), field, stemmer);
        SpanQuery right = span(near.right(), field, stemmer);
        if (left != null && right != null) {
          perField.add(new SpanNearQuery(new SpanQuery[] {left, right}, near.distance(), false));
        }
      }
    }
    return anyOf(perField);
  }

  /**
   * The span of a NEAR operand in one field (its surface words, or with a stemmer its stems), or
   * null where the operand cannot occur there.
   */
  private static SpanQuery span(QueryNode operand, String field, String stemmer) {
    if (operand instanceof QueryNode.Or or) {
      List<SpanQuery> spans = new ArrayList<>();
      for (QueryNode c : or.clauses()) {
        SpanQuery s = span(c, field, stemmer);
        if (s != null) {
          spans.add(s);
        }
      }
      if (spans.isEmpty()) {
        return null;
      }
      return spans.size() == 1 ? spans.get(0) : new SpanOrQuery(spans.toArray(new SpanQuery[0]));
    }
    if (!fieldsOf(operand).contains(field)) {
      return null;
    }
    String target = stemmer == null ? field : stemField(field, stemmer);
    if (operand instanceof QueryNode.Term t && t.prefix()) {
      return new SpanMultiTermQueryWrapper<>(
          new PrefixQuery(new Term(target, QueryText.prefix(t.word()))));
    }
    if (stemmer != null) {
      String stem = QueryText.stems(words(operand)).get(stemmer);
      return new SpanTermQuery(new Term(target, stem));
    }
    List<String> terms = QueryText.tokens(words(operand));
    if (terms.size() == 1) {
      return new SpanTermQuery(new Term(field, terms.get(0)));
    }
    SpanQuery[] sequence =
        terms.stream().map(x -> new SpanTermQuery(new Term(field, x))).toArray(SpanQuery[]::new);
    return new SpanNearQuery(sequence, 0, true);
  }
}
