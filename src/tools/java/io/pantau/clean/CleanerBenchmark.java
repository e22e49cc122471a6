package io.pantau.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.article.Article;
import io.pantau.article.RawArticle;
import io.pantau.testsupport.SharedData;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU cost of {@link ArticleCleaner#clean} per article on a JSON-Lines corpus (the {@code POST
 * /api/articles} form the bench generates), and a dump of every cleaned field for output
 * equivalence checks between two builds of the cleaner. A main class, not a test: timings on a
 * shared machine are for A/B comparison in one run, never a pass/fail threshold.
 *
 * <pre>
 * bench CORPUS [ROUNDS]            thread CPU ms per article, median of ROUNDS after warm-up
 * dump  CORPUS OUT                 every field of every cleaned article (corpus, fixtures, seeds,
 *                                  IndoSum rows) one per line, for diff against another build
 * ab    CORPUS OLD_CLASSES [PAIRS] runs "bench" (3 rounds) in fresh JVMs, old classes then
 *                                  these, PAIRS times, and prints the median old/new ratio
 * </pre>
 *
 * Only public API is used, so the same compiled class runs against an older build's classes.
 */
public final class CleanerBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RESULT = "cleaner-cpu-ms-per-article=";

  private CleanerBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: bench CORPUS [ROUNDS] | dump CORPUS OUT | ab CORPUS OLD [PAIRS]");
      System.exit(2);
    }
    Path corpus = Path.of(args[1]);
    if (!Files.isReadable(corpus)) {
      System.out.println("corpus not present at " + corpus + "; skipped");
      return;
    }
    switch (args[0]) {
      case "bench" -> bench(read(corpus), args.length > 2 ? Integer.parseInt(args[2]) : 5);
      case "dump" -> dump(corpus, Path.of(args[2]));
      case "ab" -> ab(corpus, args[2], args.length > 3 ? Integer.parseInt(args[3]) : 3);
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  static List<RawArticle> read(Path corpus) throws IOException {
    List<RawArticle> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          JsonNode n = JSON.readTree(line);
          String fetched = text(n, "fetchedAt");
          out.add(
              new RawArticle(
                  text(n, "url"),
                  text(n, "title"),
                  text(n, "body"),
                  text(n, "html"),
                  text(n, "source"),
                  text(n, "published"),
                  text(n, "lang"),
                  fetched == null ? Instant.EPOCH : Instant.parse(fetched)));
        }
      }
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static void bench(List<RawArticle> raws, int rounds) {
    ArticleCleaner cleaner = new ArticleCleaner();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sink = 0;
    // warm-up: two full passes, so the JIT has compiled the regex and parser paths
    for (int w = 0; w < 2; w++) {
      for (RawArticle r : raws) {
        sink += cleaner.clean(r).wordCount();
      }
    }
    double[] ms = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long t0 = mx.getCurrentThreadCpuTime();
      for (RawArticle r : raws) {
        sink += cleaner.clean(r).wordCount();
      }
      ms[i] = (mx.getCurrentThreadCpuTime() - t0) / 1e6 / raws.size();
    }
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "articles=%d rounds=%s checksum=%d%n",
        raws.size(),
        Arrays.toString(Arrays.stream(ms).map(v -> Math.round(v * 1000) / 1000.0).toArray()),
        sink);
    System.out.printf(Locale.ROOT, "%s%.4f%n", RESULT, sorted[rounds / 2]);
  }

  /** Every input the cleaner is checked on, each as one line of its cleaned fields. */
  private static void dump(Path corpus, Path out) throws IOException {
    ArticleCleaner cleaner = new ArticleCleaner();
    int n = 0;
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      List<RawArticle> raws = read(corpus);
      for (int i = 0; i < raws.size(); i++) {
        w.println(line("corpus#" + i, cleaner.clean(raws.get(i))));
        n++;
      }
      List<Fixtures.Fixture> fixtures = Fixtures.all().toList();
      for (Fixtures.Fixture f : fixtures) {
        w.println(line("fixture:" + f.name(), cleaner.clean(f.raw())));
        n++;
      }
      Path shared = SharedData.dir();
      Path seeds = shared.resolve("seeds");
      if (Files.isDirectory(seeds)) {
        try (Stream<Path> files = Files.list(seeds)) {
          for (Path p : files.sorted().toList()) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            Instant at = Instant.parse("2025-09-16T09:00:00Z");
            w.println(
                line(
                    "seed:" + p.getFileName(),
                    cleaner.clean(RawArticle.ofText(text, null, null, at))));
            n++;
          }
        }
      } else {
        System.out.println("seeds not present at " + seeds + "; skipped");
      }
      Path indosum = shared.resolve("data/indosum-news/articles.jsonl");
      if (Files.isReadable(indosum)) {
        try (BufferedReader in = Files.newBufferedReader(indosum, StandardCharsets.UTF_8)) {
          String row;
          int i = 0;
          while ((row = in.readLine()) != null) {
            JsonNode j = JSON.readTree(row);
            RawArticle raw =
                RawArticle.ofText(
                    j.get("body").asText(),
                    j.get("url").asText(),
                    j.get("source").asText(),
                    Instant.parse(j.get("published_at").asText()));
            w.println(line("indosum#" + i++, cleaner.clean(raw)));
            n++;
          }
        }
      } else {
        System.out.println("IndoSum not present at " + indosum + "; skipped");
      }
    }
    System.out.println("dumped " + n + " cleaned articles to " + out);
  }

  private static String line(String label, Article a) {
    // the record's toString names every field, nested records included
    return label + "\t" + a.toString().replace("\\", "\\\\").replace("\n", "\\n");
  }

  /** Alternates fresh JVMs on the old and the current classes; prints the median ratio. */
  private static void ab(Path corpus, String oldClasses, int pairs) throws Exception {
    String cp = System.getProperty("java.class.path");
    String sep = File.pathSeparator;
    // this class's own directory (test classes) stays; the cleaner's directory is swapped
    String own =
        Path.of(CleanerBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    String newClasses =
        Path.of(ArticleCleaner.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    List<String> rest = new ArrayList<>();
    for (String e : cp.split(sep)) {
      String p = Path.of(e).toAbsolutePath().toString();
      if (!p.equals(own) && !p.equals(newClasses)) {
        rest.add(e);
      }
    }
    String deps = String.join(sep, rest);
    double[] ratios = new double[pairs];
    for (int i = 0; i < pairs; i++) {
      double old = run(oldClasses + sep + own + sep + deps, corpus);
      double now = run(newClasses + sep + own + sep + deps, corpus);
      ratios[i] = old / now;
      System.out.printf(
          Locale.ROOT,
          "pair %d: old %.4f ms, new %.4f ms, ratio %.2f%n",
          i + 1,
          old,
          now,
          ratios[i]);
    }
    Arrays.sort(ratios);
    System.out.printf(Locale.ROOT, "median old/new CPU ratio: %.2f%n", ratios[pairs / 2]);
  }

  private static double run(String classpath, Path corpus) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx1g",
                "-cp",
                classpath,
                CleanerBenchmark.class.getName(),
                "bench",
                corpus.toString(),
                "3")
            .redirectErrorStream(true)
            .start();
    Double result = null;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith(RESULT)) {
          result = Double.parseDouble(line.substring(RESULT.length()));
        } else {
          System.out.println("  " + line);
        }
      }
    }
    if (p.waitFor() != 0 || result == null) {
      throw new IllegalStateException("benchmark run failed on " + classpath);
    }
    return result;
  }
}
