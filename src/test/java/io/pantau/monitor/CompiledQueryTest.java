package io.pantau.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.article.Article;
import io.pantau.query.Corpus;
import io.pantau.query.ExactField;
import io.pantau.query.LuceneCompiler;
import io.pantau.query.QueryException;
import io.pantau.query.QueryNode;
import io.pantau.query.QueryParser;
import io.pantau.query.QueryText;
import io.pantau.query.RandomQueries;
import io.pantau.query.TextField;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/**
 * The compiled evaluator against the meaning it must keep: for thousands of random queries and
 * every test document (the query corpus and, where {@code ../shared} is present, real news), it
 * matches exactly where the {@link LuceneCompiler} query matches the document's one-document Lucene
 * index.
 */
class CompiledQueryTest {
  private static final int GENERATED = 2000;
  private static final int HOSTILE = 400;

  @Test
  void agreesWithLuceneOnRandomQueriesOverTheCorpus() throws IOException {
    List<Article> articles = new ArrayList<>();
    Corpus.DOCS.forEach(d -> articles.add(QueryMonitorTest.article(d)));
    List<Article> real = MatchBenchmark.corpus();
    if (real.isEmpty()) {
      System.out.println("CompiledQueryTest: ../shared/data absent, corpus documents only");
    }
    for (int i = 0; i < real.size() && i < 50; i++) {
      articles.add(real.get(i * 53 % real.size()));
    }
    Random random = new Random(20261128L);
    Generator gen = new Generator(random, articles);
    List<QueryNode> queries = new ArrayList<>();
    while (queries.size() < GENERATED) {
      gen.query(3).ifPresent(queries::add);
    }
    RandomQueries hostile = new RandomQueries(20261128L);
    while (queries.size() < GENERATED + HOSTILE) {
      try {
        queries.add(QueryParser.parse(hostile.next()));
      } catch (QueryException e) {
        // Only queries that parse are ever stored.
      }
    }
    int pairs = 0;
    int matches = 0;
    int viaLucene = 0;
    int withCalls = 0;
    TermIds ids = new TermIds();
    List<TermProgram> programs = new ArrayList<>();
    for (QueryNode q : queries) {
      programs.add(TermProgram.compile(q, ids));
    }
    try (Analyzer analyzer = QueryText.analyzer()) {
      List<MonitorDocument> docs =
          articles.stream().map(a -> MonitorDocument.of(a, analyzer)).toList();
      List<TermProgram.Marks> marks = new ArrayList<>();
      for (MonitorDocument doc : docs) {
        TermProgram.Marks m = new TermProgram.Marks();
        m.mark(doc, ids);
        marks.add(m);
      }
      for (int i = 0; i < queries.size(); i++) {
        QueryNode q = queries.get(i);
        CompiledQuery compiled = CompiledQuery.compile(q);
        TermProgram program = programs.get(i);
        org.apache.lucene.search.Query lucene = LuceneCompiler.compile(q);
        viaLucene += compiled.needsIndex() ? 1 : 0;
        withCalls += program.calls() > 0 ? 1 : 0;
        for (int d = 0; d < docs.size(); d++) {
          MonitorDocument doc = docs.get(d);
          boolean expected = doc.matches(lucene);
          assertEquals(
              expected,
              compiled.matches(doc),
              () -> "query [" + q + "] on article " + doc.article().id());
          assertEquals(
              expected,
              program.matches(marks.get(d)),
              () -> "program of query [" + q + "] on article " + doc.article().id());
          pairs++;
          matches += expected ? 1 : 0;
        }
      }
    }
    // Both kinds of program occur: array reads only, and with calls.
    int all = queries.size();
    assertTrue(withCalls > all / 10 && withCalls < all * 9 / 10, withCalls + " with calls");
    // The comparison means something only if both answers occur often.
    assertTrue(matches > pairs / 50, matches + " matches in " + pairs + " pairs");
    assertTrue(matches < pairs / 2, matches + " matches in " + pairs + " pairs");
    assertTrue(viaLucene > GENERATED / 20, viaLucene + " queries need the Lucene index");
  }

  /**
   * Word NEAR word is answered from the positions alone (no Lucene index): it must agree with
   * Lucene's span query at every distance, in both fields, with words near and far apart.
   */
  @Test
  void wordNearWordAgreesWithLuceneSpans() throws IOException {
    List<Article> articles = new ArrayList<>();
    Corpus.DOCS.forEach(d -> articles.add(QueryMonitorTest.article(d)));
    List<Article> real = MatchBenchmark.corpus();
    for (int i = 0; i < real.size() && i < 30; i++) {
      articles.add(real.get(i * 97 % real.size()));
    }
    Random random = new Random(7L);
    int pairs = 0;
    int matches = 0;
    try (Analyzer analyzer = QueryText.analyzer()) {
      for (Article a : articles) {
        MonitorDocument doc = MonitorDocument.of(a, analyzer);
        List<String> words = Generator.words(random.nextBoolean() ? a.title() : a.body());
        if (words.size() < 2) {
          continue;
        }
        for (int i = 0; i < 60; i++) {
          // Mostly words close together in the text, so that both answers are common.
          int x = random.nextInt(words.size());
          int y = Math.max(0, Math.min(words.size() - 1, x + random.nextInt(15) - 7));
          TextField field = TextField.values()[random.nextInt(3)];
          QueryNode q;
          try {
            q =
                new QueryNode.Near(
                    new QueryNode.Term(field, words.get(x), false),
                    new QueryNode.Term(TextField.ANY, words.get(y), false),
                    random.nextInt(6));
          } catch (IllegalArgumentException e) {
            continue;
          }
          QueryNode pruned = QueryText.searchable(q);
          boolean expected = doc.matches(LuceneCompiler.compile(pruned));
          assertEquals(
              expected,
              CompiledQuery.compile(q).matches(doc),
              () -> "query [" + q + "] on article " + a.id());
          pairs++;
          matches += expected ? 1 : 0;
        }
      }
    }
    assertTrue(matches > pairs / 5 && matches < pairs * 4 / 5, matches + " of " + pairs);
  }

  /** Random query trees over words, phrases and values taken from the documents themselves. */
  private static final class Generator {
    private final Random random;
    private final List<List<String>> texts = new ArrayList<>();
    private final List<FieldValue> values = new ArrayList<>();

    private record FieldValue(ExactField field, String value) {}

    Generator(Random random, List<Article> articles) {
      this.random = random;
      for (Article a : articles) {
        for (String text : new String[] {a.title(), a.body()}) {
          List<String> words = words(text);
          if (words.size() > 1) {
            texts.add(words);
          }
        }
        a.entities().persons().forEach(v -> values.add(new FieldValue(ExactField.PERSON, v)));
        a.entities().organizations().forEach(v -> values.add(new FieldValue(ExactField.ORG, v)));
        a.entities().places().forEach(v -> values.add(new FieldValue(ExactField.PLACE, v)));
        a.keywords().forEach(v -> values.add(new FieldValue(ExactField.KEYWORD, v)));
        if (a.source() != null) {
          values.add(new FieldValue(ExactField.SOURCE, a.source()));
        }
        if (a.storyId() != null) {
          values.add(new FieldValue(ExactField.STORY, a.storyId()));
        }
      }
    }

    /** The text split on spaces as written: words keep their case, accents and hyphens. */
    static List<String> words(String text) {
      if (text == null) {
        return List.of();
      }
      return List.of(text.trim().split("\\s+")).stream()
          .filter(w -> !w.isEmpty() && w.length() < 40)
          .toList();
    }

    java.util.Optional<QueryNode> query(int depth) {
      try {
        return java.util.Optional.of(node(depth));
      } catch (IllegalArgumentException e) {
        // A NEAR operand or group the records refuse: draw another.
        return java.util.Optional.empty();
      }
    }

    private QueryNode node(int depth) {
      int pick = depth <= 0 ? random.nextInt(6) : random.nextInt(10);
      return switch (pick) {
        case 0, 1 -> term();
        case 2 -> phrase();
        case 3 -> near();
        case 4 -> value();
        case 5 -> prefix();
        case 6, 7 -> new QueryNode.And(children(depth));
        case 8 -> new QueryNode.Or(children(depth));
        default -> new QueryNode.Not(node(depth - 1));
      };
    }

    private List<QueryNode> children(int depth) {
      List<QueryNode> out = new ArrayList<>();
      int n = 2 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        out.add(node(depth - 1));
      }
      return out;
    }

    private List<String> text() {
      return texts.get(random.nextInt(texts.size()));
    }

    private String word() {
      List<String> t = text();
      return t.get(random.nextInt(t.size()));
    }

    private TextField field() {
      return TextField.values()[random.nextInt(4) % 3];
    }

    private QueryNode term() {
      return new QueryNode.Term(field(), word(), false);
    }

    private QueryNode prefix() {
      String w = word();
      return new QueryNode.Term(
          field(), w.substring(0, 1 + random.nextInt(Math.min(5, w.length()))), true);
    }

    /** Consecutive words of a text, sometimes with one changed or a slop. */
    private QueryNode phrase() {
      List<String> t = text();
      int n = 2 + random.nextInt(3);
      int start = random.nextInt(Math.max(1, t.size() - n));
      List<String> words = new ArrayList<>(t.subList(start, Math.min(t.size(), start + n)));
      if (random.nextInt(4) == 0) {
        words.set(random.nextInt(words.size()), word());
      }
      if (random.nextInt(5) == 0) {
        java.util.Collections.reverse(words);
      }
      int slop = random.nextInt(3) == 0 ? random.nextInt(4) : 0;
      return new QueryNode.Phrase(field(), words, slop);
    }

    private QueryNode operand() {
      return switch (random.nextInt(4)) {
        case 0 -> prefix();
        case 1 -> {
          QueryNode p = phrase();
          yield new QueryNode.Phrase(
              ((QueryNode.Phrase) p).field(), ((QueryNode.Phrase) p).words(), 0);
        }
        case 2 -> new QueryNode.Or(List.of(term(), term()));
        default -> term();
      };
    }

    private QueryNode near() {
      return new QueryNode.Near(operand(), operand(), random.nextInt(8));
    }

    private QueryNode value() {
      if (values.isEmpty()) {
        return term();
      }
      FieldValue v = values.get(random.nextInt(values.size()));
      boolean prefix = random.nextInt(3) == 0;
      String text =
          prefix ? v.value().substring(0, 1 + random.nextInt(v.value().length())) : v.value();
      if (random.nextBoolean()) {
        text = text.toUpperCase(java.util.Locale.ROOT);
      }
      return new QueryNode.FieldValue(v.field(), text, prefix);
    }
  }
}
