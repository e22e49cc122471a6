package io.pantau.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.article.Article;
import io.pantau.article.EnrichedArticle;
import io.pantau.enrich.eval.EvaluationHarness;
import io.pantau.testsupport.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Thread CPU per enriched article, JIT warm, on three sets: the hand-written seed articles, the
 * 600-word articles of the evaluation harness, and the bodies of a generated corpus. Uses only the
 * public face of enrichment, so the same class runs against an older build of the package for an
 * A/B in one session (see README, "Cleaning and enrichment"). Each set also prints a digest of
 * every enrichment output, which must agree between builds whose results are meant to be equal.
 *
 * <p>Usage: {@code java -cp ... io.pantau.enrich.EnrichmentCpu sharedDir seedsDir corpus.jsonl}
 */
public final class EnrichmentCpu {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EnrichmentCpu() {}

  public static void main(String[] args) throws IOException {
    Path shared = args.length > 0 ? Path.of(args[0]) : SharedData.dir();
    Path seeds = Path.of(args.length > 1 ? args[1] : "seeds/raw");
    Path corpus = Path.of(args.length > 2 ? args[2] : "/work/corpus/corpus-5000-42.jsonl");
    List<Article> seedArticles = seeds(seeds);
    List<Article> harness =
        EvaluationHarness.articles(shared.resolve("data/indosum-news/articles.jsonl"), 1000);
    List<Article> bodies = corpus(corpus);
    Enrichment enrichment = Enrichment.standard();
    // warm every set before measuring any, so the JIT sees all of them
    for (int round = 0; round < 2; round++) {
      for (List<Article> set : List.of(seedArticles, harness, bodies)) {
        for (int i = 0; i < Math.max(set.size(), 2000); i++) {
          enrichment.enrich(set.get(i % set.size()));
        }
      }
    }
    report("seed", enrichment, seedArticles, 3000);
    report("600-word", enrichment, harness, 3000);
    report("corpus", enrichment, bodies, bodies.size());
  }

  private static void report(String name, Enrichment enrichment, List<Article> set, int count) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < count; i++) {
      enrichment.enrich(set.get(i % set.size()));
    }
    double ms = (threads.getCurrentThreadCpuTime() - start) / 1e6 / count;
    System.out.printf(
        Locale.ROOT,
        "%-8s %.4f ms CPU/article  (%d enrichments of %d articles)  digest %s%n",
        name,
        ms,
        count,
        set.size(),
        digest(enrichment, set));
  }

  /** SHA-256 over every output field of every article of a set. */
  private static String digest(Enrichment enrichment, List<Article> set) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Article a : set) {
        EnrichedArticle e = enrichment.enrich(a);
        sha.update(e.article().toString().getBytes(StandardCharsets.UTF_8));
        sha.update(e.fingerprint().minhash().toString().getBytes(StandardCharsets.UTF_8));
        sha.update(e.fingerprint().bands().toString().getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The plain-text seeds: front matter skipped, first line the title, the rest the body. */
  private static List<Article> seeds(Path dir) throws IOException {
    List<Article> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        int end = text.indexOf("\n---", 3);
        String content = (end < 0 ? text : text.substring(end + 4)).strip();
        int nl = content.indexOf('\n');
        out.add(
            Article.builder()
                .title(nl < 0 ? content : content.substring(0, nl).strip())
                .body(nl < 0 ? "" : content.substring(nl + 1).strip())
                .build());
      }
    }
    return out;
  }

  private static List<Article> corpus(Path file) throws IOException {
    List<Article> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode row = JSON.readTree(line);
        String title = row.path("title").isTextual() ? row.path("title").asText() : null;
        out.add(Article.builder().title(title).body(row.path("body").asText()).build());
      }
    }
    return out;
  }
}
