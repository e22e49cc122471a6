package io.pantau.monitor;

import io.pantau.article.Article;
import io.pantau.query.ExactField;
import io.pantau.query.LuceneCompiler;
import io.pantau.query.QueryText;
import io.pantau.text.Fold;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * One article analysed once, in the layout {@link LuceneCompiler} expects: the terms of its title
 * and body with their positions, its exact values, and the presearch keys of what it holds. Plain
 * word, prefix, exact-phrase and field clauses are answered from these ({@link CompiledQuery}); the
 * one-document Lucene index that sloppy phrases and NEAR need is built the first time one asks.
 *
 * <p>Not thread-safe: one thread matches a document at a time.
 */
public final class MonitorDocument {
  /** The terms of one analysed text field: each term with its positions, ascending. */
  static final class FieldTerms {
    private final Map<String, int[]> positions;
    private NavigableSet<String> sorted;

    private FieldTerms(Map<String, int[]> positions) {
      this.positions = positions;
    }

    boolean has(String term) {
      return positions.containsKey(term);
    }

    /** The positions of a term, or null when the field lacks it. */
    int[] positions(String term) {
      return positions.get(term);
    }

    /** Whether a term of the field starts with {@code prefix}. */
    boolean hasPrefix(String prefix) {
      if (sorted == null) {
        sorted = new TreeSet<>(positions.keySet());
      }
      String next = sorted.ceiling(prefix);
      return next != null && next.startsWith(prefix);
    }

    Set<String> terms() {
      return positions.keySet();
    }
  }

  private static final FieldTerms EMPTY = new FieldTerms(Map.of());

  /** Marks a stem in the term maps; the index tokenizer never leaves it in a surface word. */
  private static final char STEM_MARK = '\u0001';

  /** Reads stemmed text (one stem per space-separated token) into the one-document index. */
  private static final Analyzer STEM_ANALYZER = QueryText.stemAnalyzer();

  /**
   * A stem as the term maps hold it beside the surface words: marked with its stemmer, so it never
   * equals a surface term and each language keeps its own stems.
   */
  static String stemKey(String stemmer, String stem) {
    return STEM_MARK + stemmer + STEM_MARK + stem;
  }

  /** The stem of a stem key, or null for a surface term. */
  private static String stemOf(String key) {
    if (key.isEmpty() || key.charAt(0) != STEM_MARK) {
      return null;
    }
    return key.substring(key.indexOf(STEM_MARK, 1) + 1);
  }

  private final Article article;
  private final Analyzer analyzer;
  private final String stemmer;
  private final String title;
  private final String body;
  private final FieldTerms titleTerms;
  private final FieldTerms bodyTerms;
  private final Map<String, List<String>> exact;
  private final List<String> terms;
  private final List<String> prefixes;
  private final List<String> exactKeys;
  private IndexSearcher searcher;

  private MonitorDocument(
      Article article,
      Analyzer analyzer,
      String title,
      String body,
      Map<String, List<String>> exact) {
    this.article = article;
    this.analyzer = analyzer;
    this.stemmer = QueryText.stemmerFor(article.lang());
    this.title = title;
    this.body = body;
    this.titleTerms = analyse(analyzer, LuceneCompiler.TITLE, title, stemmer);
    this.bodyTerms = analyse(analyzer, LuceneCompiler.BODY, body, stemmer);
    this.exact = exact;
    this.terms = collectTerms();
    this.prefixes = collectPrefixes();
    this.exactKeys = collectExactKeys();
  }

  /** Analyses the article's title, body and exact values. */
  public static MonitorDocument of(Article a, Analyzer analyzer) {
    return new MonitorDocument(a, analyzer, fold(a.title()), fold(a.body()), exactValues(a));
  }

  private static String fold(String s) {
    return s == null ? "" : Fold.fold(s);
  }

  /**
   * The field's terms as the index would hold them: same analyzer, same position increments; with a
   * stemmer, each token's stem key too, at the token's position, as the stemmed field holds it.
   */
  private static FieldTerms analyse(Analyzer analyzer, String field, String text, String stemmer) {
    if (text.isEmpty()) {
      return EMPTY;
    }
    Map<String, int[]> positions = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    QueryText.forEachToken(
        analyzer,
        field,
        text,
        (t, position) -> {
          add(positions, counts, t, position);
          if (stemmer != null) {
            add(positions, counts, stemKey(stemmer, QueryText.stem(stemmer, t)), position);
          }
        });
    positions.replaceAll((t, p) -> p.length == counts.get(t) ? p : Arrays.copyOf(p, counts.get(t)));
    return new FieldTerms(positions);
  }

  private static void add(
      Map<String, int[]> positions, Map<String, Integer> counts, String term, int position) {
    int n = counts.merge(term, 1, Integer::sum);
    int[] p = positions.get(term);
    if (p == null || n > p.length) {
      p = p == null ? new int[2] : Arrays.copyOf(p, p.length * 2);
      positions.put(term, p);
    }
    p[n - 1] = position;
  }

  private static Map<String, List<String>> exactValues(Article a) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    put(m, ExactField.SOURCE, a.source() == null ? List.of() : List.of(a.source()));
    put(m, ExactField.PUBLISHER, a.publisher() == null ? List.of() : List.of(a.publisher()));
    put(m, ExactField.LANG, a.lang() == null ? List.of() : List.of(a.lang()));
    put(m, ExactField.PERSON, a.entities().persons());
    put(m, ExactField.ORG, a.entities().organizations());
    put(m, ExactField.PLACE, a.entities().places());
    List<String> keywords = new ArrayList<>(a.keywords());
    keywords.addAll(a.keyphrases());
    put(m, ExactField.KEYWORD, keywords);
    put(m, ExactField.STORY, a.storyId() == null ? List.of() : List.of(a.storyId()));
    return m;
  }

  /** Values as the {@code lowercase} normalizer stores them, without repeats. */
  private static void put(Map<String, List<String>> m, ExactField f, List<String> values) {
    List<String> kept =
        values.stream()
            .filter(v -> v != null && !v.isEmpty())
            .map(QueryText::exact)
            .distinct()
            .toList();
    if (!kept.isEmpty()) {
      m.put(LuceneCompiler.fieldName(f), kept);
    }
  }

  /** The presearch keys of the document's exact values, each once. */
  private List<String> collectExactKeys() {
    Set<String> out = new HashSet<>();
    exact.forEach(
        (field, values) -> {
          for (String v : values) {
            out.add(PresearchTerms.exactKey(field, v));
            if (v.length() >= PresearchTerms.PREFIX_KEY_LENGTH) {
              out.add(PresearchTerms.exactPrefixKey(field, v));
            }
          }
        });
    return List.copyOf(out);
  }

  /** The distinct terms of title and body together. */
  private List<String> collectTerms() {
    Set<String> out = new HashSet<>(titleTerms.terms());
    out.addAll(bodyTerms.terms());
    return List.copyOf(out);
  }

  /**
   * The distinct prefix keys' prefixes of the terms (those long enough to have one); a stem gives
   * the prefix of the stem itself, since a prefix query also compares with stems.
   */
  private List<String> collectPrefixes() {
    Set<String> out = new HashSet<>();
    for (String key : terms) {
      String stem = stemOf(key);
      String t = stem == null ? key : stem;
      if (t.length() >= PresearchTerms.PREFIX_KEY_LENGTH) {
        out.add(t.substring(0, PresearchTerms.PREFIX_KEY_LENGTH));
      }
    }
    return List.copyOf(out);
  }

  Article article() {
    return article;
  }

  /** The folded title, as it was analysed. */
  String titleText() {
    return title;
  }

  /** The folded body, as it was analysed. */
  String bodyText() {
    return body;
  }

  FieldTerms title() {
    return titleTerms;
  }

  FieldTerms body() {
    return bodyTerms;
  }

  /** The stored values of an exact field (by its Lucene name), lower-cased; empty where none. */
  List<String> exact(String field) {
    return exact.getOrDefault(field, List.of());
  }

  /** Every exact field's stored values (by the field's Lucene name), lower-cased. */
  Map<String, List<String>> exactValues() {
    return exact;
  }

  /** The distinct terms of title and body: presearch keys {@code t:term} without the kind. */
  List<String> terms() {
    return terms;
  }

  /** The prefixes of those terms: presearch keys {@code p:abc} without the kind. */
  List<String> prefixes() {
    return prefixes;
  }

  /** The whole presearch keys of the exact values. */
  List<String> exactKeys() {
    return exactKeys;
  }

  /** The one-document Lucene index of this article, built on first use. */
  IndexSearcher searcher() {
    if (searcher == null) {
      MemoryIndex index = new MemoryIndex(false, false);
      index.addField(LuceneCompiler.TITLE, title, analyzer);
      index.addField(LuceneCompiler.BODY, body, analyzer);
      if (stemmer != null) {
        index.addField(
            LuceneCompiler.stemField(LuceneCompiler.TITLE, stemmer),
            QueryText.stemmedText(stemmer, title),
            STEM_ANALYZER);
        index.addField(
            LuceneCompiler.stemField(LuceneCompiler.BODY, stemmer),
            QueryText.stemmedText(stemmer, body),
            STEM_ANALYZER);
      }
      exact.forEach(
          (field, values) ->
              values.forEach(
                  v -> index.addField(new StringField(field, v, Field.Store.NO), analyzer)));
      IndexSearcher s = index.createSearcher();
      s.setQueryCache(null);
      searcher = s;
    }
    return searcher;
  }

  /** Whether the compiled Lucene query matches this article, run on the one-document index. */
  boolean matches(org.apache.lucene.search.Query query) throws IOException {
    IndexSearcher s = searcher();
    // Straight to the one document's scorer: count() would set up collectors for every query.
    Weight weight = s.createWeight(s.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    Scorer scorer = weight.scorer(s.getIndexReader().leaves().get(0));
    return scorer != null && scorer.iterator().nextDoc() != DocIdSetIterator.NO_MORE_DOCS;
  }
}
