package io.pantau.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.article.Article;
import io.pantau.query.Corpus;
import io.pantau.query.CorpusIndex;
import io.pantau.query.CorpusQueries;
import io.pantau.query.LuceneCompiler;
import io.pantau.query.QueryException;
import io.pantau.query.QueryNode;
import io.pantau.query.QueryParser;
import io.pantau.query.QueryText;
import io.pantau.query.RandomQueries;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QueryMonitorTest {
  private static CorpusIndex corpus;
  private static Analyzer analyzer;
  private static Map<String, QueryNode> queries;

  @BeforeAll
  static void setUp() {
    corpus = new CorpusIndex(Corpus.DOCS);
    analyzer = QueryText.analyzer();
    queries = new LinkedHashMap<>();
    for (String q : CorpusQueries.all()) {
      queries.put("c" + queries.size(), QueryParser.parse(q));
    }
    RandomQueries random = new RandomQueries(20261127L);
    while (queries.size() < 1000) {
      try {
        queries.put("r" + queries.size(), QueryParser.parse(random.next()));
      } catch (QueryException e) {
        // Only queries that parse are ever stored.
      }
    }
  }

  @AfterAll
  static void tearDown() throws IOException {
    corpus.close();
    analyzer.close();
  }

  static Article article(Corpus.Doc d) {
    return d.article().build();
  }

  @ParameterizedTest
  @EnumSource(QueryMonitor.Presearcher.class)
  void everyPresearcherMatchesExactlyWhatLuceneFindsInTheCorpus(QueryMonitor.Presearcher p) {
    QueryMonitor monitor = new QueryMonitor(p);
    queries.forEach(monitor::register);
    Map<String, Set<Integer>> found = new TreeMap<>();
    int candidates = 0;
    for (Corpus.Doc d : Corpus.DOCS) {
      QueryMonitor.Result r = monitor.match(MonitorDocument.of(article(d), analyzer));
      assertTrue(r.errors().isEmpty(), r.errors().toString());
      candidates += r.candidates();
      r.matches().forEach(m -> found.computeIfAbsent(m.id(), k -> new TreeSet<>()).add(d.id()));
    }
    Map<String, Set<Integer>> expected = new TreeMap<>();
    queries.forEach(
        (id, q) -> {
          Set<Integer> ids = corpus.search(LuceneCompiler.compile(q));
          if (!ids.isEmpty()) {
            expected.put(id, ids);
          }
        });
    assertEquals(expected, found);
    int all = queries.size() * Corpus.DOCS.size();
    if (p == QueryMonitor.Presearcher.NONE) {
      assertEquals(all, candidates);
    } else {
      assertTrue(candidates < all / 2, p + " ran " + candidates + " of " + all);
    }
  }

  @Test
  void multipassRunsNoMoreQueriesThanTheSinglePassFilter() {
    QueryMonitor single = new QueryMonitor(QueryMonitor.Presearcher.TERM_FILTERED);
    QueryMonitor multi = new QueryMonitor(QueryMonitor.Presearcher.MULTIPASS);
    queries.forEach(single::register);
    queries.forEach(multi::register);
    int a = 0;
    int b = 0;
    for (Corpus.Doc d : Corpus.DOCS) {
      MonitorDocument doc = MonitorDocument.of(article(d), analyzer);
      a += single.match(doc).candidates();
      b += multi.match(doc).candidates();
    }
    assertTrue(b <= a, "multipass " + b + " against single pass " + a);
  }

  @Test
  void aQueryThatFailsIsReportedAndTheOthersStillMatch() {
    QueryMonitor monitor = new QueryMonitor(QueryMonitor.Presearcher.MULTIPASS);
    monitor.register("good", QueryParser.parse("kazakhstan"));
    monitor.register("bad", QueryParser.parse("kazakhstan"), new Exploding());
    Article a =
        Article.builder().id("a1").title("Kazakhstan dan China").body("Kerja sama.").build();
    QueryMonitor.Result r = monitor.match(MonitorDocument.of(a, analyzer));
    assertEquals(List.of("good"), r.matches().stream().map(QueryMonitor.Registered::id).toList());
    assertEquals(Set.of("bad"), r.errors().keySet());
  }

  @Test
  void removedAndReplacedQueriesNoLongerMatchTheirOldText() {
    QueryMonitor monitor = new QueryMonitor(QueryMonitor.Presearcher.TERM_FILTERED);
    monitor.register("1", QueryParser.parse("kazakhstan"));
    monitor.register("2", QueryParser.parse("kazakhstan"));
    monitor.register("2", QueryParser.parse("tiongkok"));
    monitor.remove("1");
    Article a = Article.builder().id("a1").title("Kazakhstan").body("x").build();
    List<String> ids = new ArrayList<>();
    monitor.match(MonitorDocument.of(a, analyzer)).matches().forEach(m -> ids.add(m.id()));
    assertEquals(List.of(), ids);
    assertEquals(Set.of("2"), monitor.ids());
  }

  /** A Lucene query that fails when run, as a corrupt stored query would. */
  private static final class Exploding extends org.apache.lucene.search.Query {
    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
      throw new IllegalStateException("boom");
    }

    @Override
    public String toString(String field) {
      return "exploding";
    }

    @Override
    public void visit(QueryVisitor visitor) {}

    @Override
    public boolean equals(Object other) {
      return other == this;
    }

    @Override
    public int hashCode() {
      return 1;
    }
  }
}
