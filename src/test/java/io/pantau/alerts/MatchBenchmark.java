package io.pantau.alerts;

import io.pantau.article.Article;
import io.pantau.article.Entities;
import io.pantau.query.Query;
import io.pantau.query.QueryParser;
import io.pantau.query.QueryText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;

/**
 * Measures real-time alert matching: registers 10,000 and 100,000 generated boolean keyword queries
 * and matches generated articles with two threads, per presearcher. Not a test (its name does not
 * end in Test); run it from the test classpath:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     io.pantau.alerts.MatchBenchmark [seconds per run]
 * </pre>
 */
public final class MatchBenchmark {
  private static final String[] COMMON = {
    "yang",
    "dan",
    "di",
    "itu",
    "dengan",
    "untuk",
    "tidak",
    "ini",
    "dari",
    "dalam",
    "akan",
    "pada",
    "juga",
    "saya",
    "ke",
    "karena",
    "tersebut",
    "bisa",
    "ada",
    "mereka",
    "lebih",
    "kata",
    "tahun",
    "sudah",
    "atau",
    "saat",
    "oleh",
    "menjadi",
    "orang",
    "kami",
    "pemerintah",
    "presiden",
    "menteri",
    "harga",
    "pasar",
    "ekonomi",
    "polisi",
    "warga",
    "kota",
    "daerah",
    "hari",
    "baru"
  };
  private static final String[] SYLLABLES = {
    "ka", "ra", "tu", "ni", "so", "ba", "le", "mi", "pan", "dar", "jo", "ko", "sa", "wi", "ta",
    "gu", "na", "ri", "ma", "lo", "pe", "ha", "ja", "ti", "nu", "de", "si", "ya", "bu", "ke"
  };

  private final Random random;
  private final List<String> vocabulary = new ArrayList<>();
  private final double[] cumulative;

  private MatchBenchmark(long seed, int vocabularySize) {
    random = new Random(seed);
    for (String c : COMMON) {
      vocabulary.add(c);
    }
    while (vocabulary.size() < vocabularySize) {
      StringBuilder w = new StringBuilder();
      int n = 2 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      if (!vocabulary.contains(w.toString())) {
        vocabulary.add(w.toString());
      }
    }
    // Zipf's law over the vocabulary: word frequency falls with rank, as in news text.
    cumulative = new double[vocabulary.size()];
    double sum = 0;
    for (int i = 0; i < cumulative.length; i++) {
      sum += 1.0 / (i + 1);
      cumulative[i] = sum;
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= sum;
    }
  }

  private String zipfWord() {
    int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
    return vocabulary.get(i < 0 ? -i - 1 : i);
  }

  /** A word users would search for: not among the commonest, not a hapax. */
  private String queryWord() {
    return vocabulary.get(COMMON.length + random.nextInt(vocabulary.size() / 3));
  }

  private String name() {
    String w = queryWord();
    return w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
  }

  String query() {
    return switch (random.nextInt(8)) {
      case 0 ->
          "\""
              + queryWord()
              + " "
              + queryWord()
              + "\" AND ("
              + queryWord()
              + " OR "
              + queryWord()
              + ")";
      case 1 -> queryWord() + " AND " + queryWord() + " -" + queryWord();
      case 2 ->
          "(" + queryWord() + " OR " + queryWord() + " OR " + queryWord() + ") AND " + queryWord();
      case 3 ->
          "person:\""
              + name()
              + " "
              + name()
              + "\" OR ("
              + queryWord()
              + " AND "
              + queryWord()
              + ")";
      case 4 -> queryWord() + " NEAR/5 " + queryWord();
      case 5 -> queryWord() + "* AND " + queryWord();
      case 6 ->
          "title:"
              + queryWord()
              + " AND ("
              + queryWord()
              + " OR \""
              + queryWord()
              + " "
              + queryWord()
              + "\")";
      default ->
          "\""
              + queryWord()
              + "\" AND ("
              + queryWord()
              + " OR "
              + queryWord()
              + ") AND NOT source:"
              + queryWord()
              + ".example";
    };
  }

  Article article(int n) {
    StringBuilder title = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      title.append(i == 0 ? "" : " ").append(zipfWord());
    }
    StringBuilder body = new StringBuilder();
    for (int p = 0; p < 4; p++) {
      for (int i = 0; i < 80; i++) {
        body.append(i == 0 ? "" : " ").append(zipfWord());
      }
      body.append(".\n\n");
    }
    return Article.builder()
        .id("bench-" + n)
        .title(title.toString())
        .body(body.toString())
        .source(queryWord() + ".example")
        .lang("id")
        .entities(new Entities(List.of(name() + " " + name()), List.of(), List.of(name())))
        .build();
  }

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
    MatchBenchmark gen = new MatchBenchmark(42, 20_000);
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      articles.add(gen.article(i));
    }
    for (int size : new int[] {10_000, 100_000}) {
      List<Query> queries = new ArrayList<>();
      while (queries.size() < size) {
        queries.add(QueryParser.parse(gen.query()));
      }
      for (QueryMonitor.Presearcher p : QueryMonitor.Presearcher.values()) {
        if (p == QueryMonitor.Presearcher.NONE && size > 10_000) {
          continue;
        }
        run(size, p, queries, articles, seconds);
      }
    }
  }

  private static void run(
      int size,
      QueryMonitor.Presearcher p,
      List<Query> queries,
      List<Article> articles,
      double seconds)
      throws Exception {
    QueryMonitor monitor = new QueryMonitor(p);
    long t0 = System.nanoTime();
    for (int i = 0; i < queries.size(); i++) {
      monitor.register(Integer.toString(i), queries.get(i));
    }
    double registerSeconds = (System.nanoTime() - t0) / 1e9;
    AtomicInteger next = new AtomicInteger();
    AtomicLong matched = new AtomicLong();
    AtomicLong candidates = new AtomicLong();
    AtomicLong done = new AtomicLong();
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      futures.add(
          pool.submit(
              () -> {
                try (Analyzer analyzer = QueryText.analyzer()) {
                  while (System.nanoTime() < deadline) {
                    Article a = articles.get(next.getAndIncrement() % articles.size());
                    QueryMonitor.Result r = monitor.match(MonitorDocument.of(a, analyzer));
                    matched.addAndGet(r.matches().size());
                    candidates.addAndGet(r.candidates());
                    done.incrementAndGet();
                  }
                }
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    double elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "{\"queries\":%d,\"presearcher\":\"%s\",\"threads\":2,\"articles\":%d,\"docsPerSec\":%.1f,"
            + "\"candidatesPerDoc\":%.1f,\"matchesPerDoc\":%.2f,\"registerSeconds\":%.2f}%n",
        size,
        p,
        done.get(),
        done.get() / elapsed,
        candidates.get() / (double) done.get(),
        matched.get() / (double) done.get(),
        registerSeconds);
  }
}
