package io.pantau.alerts;

import io.pantau.article.Article;
import io.pantau.query.ExactField;
import io.pantau.query.LuceneCompiler;
import io.pantau.query.QueryText;
import io.pantau.text.Fold;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * One article analysed once, in the layout {@link LuceneCompiler} expects, with the presearch keys
 * of what it holds; every stored query runs against this same value.
 */
final class MonitorDocument {
  private final Article article;
  private final IndexSearcher searcher;
  private final Set<String> keys;

  private MonitorDocument(Article article, IndexSearcher searcher, Set<String> keys) {
    this.article = article;
    this.searcher = searcher;
    this.keys = keys;
  }

  /** Analyses the article's title, body and exact values. */
  static MonitorDocument of(Article a, Analyzer analyzer) {
    MemoryIndex index = new MemoryIndex(false, false);
    index.addField(LuceneCompiler.TITLE, fold(a.title()), analyzer);
    index.addField(LuceneCompiler.BODY, fold(a.body()), analyzer);
    Map<String, List<String>> exact = exactValues(a);
    for (Map.Entry<String, List<String>> e : exact.entrySet()) {
      for (String v : e.getValue()) {
        index.addField(new StringField(e.getKey(), QueryText.exact(v), Field.Store.NO), analyzer);
      }
    }
    IndexSearcher searcher = index.createSearcher();
    searcher.setQueryCache(null);
    return new MonitorDocument(a, searcher, keys(searcher, exact.keySet()));
  }

  private static String fold(String s) {
    return s == null ? "" : Fold.fold(s);
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

  private static void put(Map<String, List<String>> m, ExactField f, List<String> values) {
    List<String> kept = values.stream().filter(v -> v != null && !v.isEmpty()).toList();
    if (!kept.isEmpty()) {
      m.put(LuceneCompiler.fieldName(f), kept);
    }
  }

  /** Reads the keys back from the index, so that they follow its analysis exactly. */
  private static Set<String> keys(IndexSearcher searcher, Set<String> exactFields) {
    Set<String> keys = new HashSet<>();
    try {
      LeafReader reader = searcher.getIndexReader().leaves().get(0).reader();
      for (String field : List.of(LuceneCompiler.TITLE, LuceneCompiler.BODY)) {
        forEachTerm(
            reader.terms(field),
            t -> {
              keys.add(PresearchTerms.textKey(t));
              PresearchTerms.textPrefixKey(t).ifPresent(keys::add);
            });
      }
      for (String field : exactFields) {
        forEachTerm(
            reader.terms(field),
            v -> {
              keys.add(PresearchTerms.exactKey(field, v));
              if (v.length() >= PresearchTerms.PREFIX_KEY_LENGTH) {
                keys.add(PresearchTerms.exactPrefixKey(field, v));
              }
            });
      }
    } catch (IOException e) {
      throw new UncheckedIOException("an in-memory index cannot fail to read", e);
    }
    return keys;
  }

  private static void forEachTerm(Terms terms, Consumer<String> action) throws IOException {
    if (terms == null) {
      return;
    }
    TermsEnum it = terms.iterator();
    for (BytesRef term = it.next(); term != null; term = it.next()) {
      action.accept(term.utf8ToString());
    }
  }

  Article article() {
    return article;
  }

  IndexSearcher searcher() {
    return searcher;
  }

  Set<String> keys() {
    return keys;
  }

  /** Whether the compiled query matches this article. */
  boolean matches(org.apache.lucene.search.Query query) throws IOException {
    // Straight to the one document's scorer: count() would set up collectors for every query.
    Weight weight =
        searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    Scorer scorer = weight.scorer(searcher.getIndexReader().leaves().get(0));
    return scorer != null && scorer.iterator().nextDoc() != DocIdSetIterator.NO_MORE_DOCS;
  }
}
