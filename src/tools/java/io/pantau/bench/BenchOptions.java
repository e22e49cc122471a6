package io.pantau.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark's options, read from {@code bench.*} system properties (Maven passes {@code
 * -Dbench.articles=N} and the others through).
 *
 * @param articles how many articles to generate (ignored with a corpus)
 * @param warmUpArticles articles of a warm-up pass, posted and then deleted before the timed run
 * @param warmUpPasses most warm-up passes; passes stop early once one costs (Pantau and
 *     Elasticsearch CPU per article) within 5% of the pass before it
 * @param corpus a JSON-Lines file of articles in the {@code POST /api/articles} form, instead
 * @param seed the generator's seed
 * @param clients concurrent HTTP clients posting to Pantau
 * @param requestArticles articles per {@code POST /api/articles/_bulk} request
 * @param ingestRepeats more timed runs of Pantau's ingest, each into an emptied index; Pantau's
 *     figure is the median of its runs, as the ceiling's is of its own
 * @param ceilingRepeats more runs of the ceiling's best configuration; the ceiling is the median of
 *     its runs
 * @param alertQueries stored alert queries of the second ingest run (0 skips that run)
 * @param alertArticles articles of that run: the corpus's first ones (0: the whole corpus)
 * @param analyticsCalls timed calls per analytics endpoint (after warm-up)
 * @param analyticsArticles time analytics at this many articles, topping the index up with copies
 *     of the stored documents when the ingested corpus is smaller (0: as ingested)
 * @param matchSeconds seconds per alert-matching measurement (0 skips them)
 * @param pantauHeap Pantau's maximum heap ({@code -Xmx})
 * @param pantauGc Pantau's garbage collector, as in {@code -XX:+Use<name>}: the README's run
 *     command and the container use ParallelGC, so the bench does too
 * @param esHeap the Elasticsearch heap
 * @param jar the packaged Pantau
 * @param distribution the Elasticsearch distribution zip
 * @param out where result.json and logs go
 * @param pantauJvmArgs extra JVM options for Pantau (space separated), e.g. for a profiler
 * @param pantauProperties extra {@code -Dkey=value} settings for Pantau (space separated)
 */
record BenchOptions(
    int articles,
    int warmUpArticles,
    int warmUpPasses,
    Optional<Path> corpus,
    long seed,
    int clients,
    int requestArticles,
    int ingestRepeats,
    int ceilingRepeats,
    int alertQueries,
    int alertArticles,
    int analyticsCalls,
    long analyticsArticles,
    double matchSeconds,
    String pantauHeap,
    String pantauGc,
    String esHeap,
    Path jar,
    Path distribution,
    Path out,
    List<String> pantauJvmArgs,
    List<String> pantauProperties) {

  static BenchOptions fromSystemProperties() {
    String dist = System.getProperty("bench.distribution");
    if (dist == null) {
      dist = System.getProperty("pantau.elasticsearch.distribution");
    }
    if (dist == null) {
      throw new IllegalStateException("bench.distribution (the Elasticsearch zip) is not set");
    }
    return new BenchOptions(
        Integer.getInteger("bench.articles", 20_000),
        Integer.getInteger("bench.warmUpArticles", 12_000),
        Integer.getInteger("bench.warmUpPasses", 5),
        Optional.ofNullable(System.getProperty("bench.corpus"))
            .filter(s -> !s.isBlank())
            .map(Path::of),
        Long.getLong("bench.seed", 42L),
        Integer.getInteger("bench.clients", 2),
        Integer.getInteger("bench.requestArticles", 1000),
        Integer.getInteger("bench.ingestRepeats", 2),
        Integer.getInteger("bench.ceilingRepeats", 2),
        Integer.getInteger("bench.alertQueries", 10_000),
        Integer.getInteger("bench.alertArticles", 5_000),
        Integer.getInteger("bench.analyticsCalls", 200),
        Long.getLong("bench.analyticsArticles", 0L),
        Double.parseDouble(System.getProperty("bench.matchSeconds", "8")),
        System.getProperty("bench.pantauHeap", "512m"),
        collector(System.getProperty("bench.pantauGc", "ParallelGC")),
        System.getProperty("bench.esHeap", "1g"),
        Path.of(System.getProperty("bench.jar", "target/quarkus-app/quarkus-run.jar")),
        Path.of(dist),
        Path.of(System.getProperty("bench.out", "target/bench")),
        words(System.getProperty("bench.pantauJvmArgs", "")),
        words(System.getProperty("bench.pantauProperties", "")));
  }

  private static String collector(String name) {
    if (!name.matches("[A-Za-z0-9]+GC")) {
      throw new IllegalArgumentException(
          "bench.pantauGc names a collector as in -XX:+Use<name>, such as ParallelGC or G1GC: "
              + name);
    }
    return name;
  }

  private static List<String> words(String s) {
    return new ArrayList<>(
        Arrays.stream(s.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList());
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
