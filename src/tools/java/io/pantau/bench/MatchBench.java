package io.pantau.bench;

import io.pantau.article.Article;
import io.pantau.monitor.MatchProbe;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The alert-matching phase of {@link Bench} alone, for profiling the monitor without starting
 * Elasticsearch or Pantau: the same generated sample, the same queries and the same probe. Run with
 * the test classpath, {@code -Dbench.distribution=unused} and the {@code bench.*} options.
 */
public final class MatchBench {
  private MatchBench() {}

  public static void main(String[] args) throws Exception {
    BenchOptions o = BenchOptions.fromSystemProperties();
    Files.createDirectories(o.out());
    Corpus corpus = Corpus.prepare(o);
    List<Article> sample = Bench.enrich(corpus.sample());
    AlertQueries queries = new AlertQueries(sample, o.seed());
    List<Integer> sizes = new ArrayList<>();
    for (String s : System.getProperty("bench.matchQueries", "10000,100000").split(",")) {
      sizes.add(Integer.parseInt(s.trim()));
    }
    for (int n : sizes) {
      MatchProbe.Outcome m = MatchProbe.run(queries.next(n), sample, 2, o.matchSeconds());
      System.out.printf(
          "alert matching: %,d queries, %.1f articles/s, %.3f ms CPU, %.1f candidates and %.1f"
              + " matches per article%n",
          n, m.docsPerSec(), m.cpuMsPerDoc(), m.candidatesPerDoc(), m.matchesPerDoc());
    }
  }
}
