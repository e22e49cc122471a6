package io.pantau.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.article.Article;
import io.pantau.article.Entities;
import io.pantau.query.QueryNode;
import io.pantau.query.QueryParser;
import io.pantau.query.QueryText;
import io.pantau.testsupport.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/**
 * Measures real-time alert matching over real news: 3,463 Indonesian IndoSum bodies and 1,000
 * English UCI headlines from {@code ../shared/data}, against 10,000 and 100,000 generated boolean
 * keyword queries over mid-frequency words of that text (phrases, NEAR, prefixes, {@code title:},
 * {@code person:} and {@code source:} clauses, NOT), two threads. Each size runs the int programs
 * ({@link TermProgram}), the compiled tree they replaced ({@link CompiledQuery} alone) and, as the
 * first baseline, every candidate run as its Lucene query on a one-document {@code MemoryIndex},
 * all with the multipass presearcher; it prints wall throughput, CPU time per article (the machine
 * is shared, so wall figures drift with other load) and the ratio. Not a test (its name does not
 * end in Test); run it from the test classpath:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) -Dshared.dir=../shared \
 *     io.pantau.monitor.MatchBenchmark [seconds per run, default 10]
 * </pre>
 *
 * <p>Other code calls {@link #run(int, List, int)}.
 */
public final class MatchBenchmark {
  private static final QueryMonitor.Presearcher MULTIPASS = QueryMonitor.Presearcher.MULTIPASS;
  private static final int WARM_UP = 200;
  private static final Pattern WORD = Pattern.compile("[a-z]{4,}");
  private static final Pattern NAME = Pattern.compile("\\b([A-Z][a-z]{2,}) ([A-Z][a-z]{2,})\\b");

  private final Random random;
  private final List<String> words;
  private final List<String> names;
  private final List<String> sources;

  private MatchBenchmark(long seed, List<Article> corpus) {
    random = new Random(seed);
    Map<String, Integer> df = new HashMap<>();
    for (Article a : corpus) {
      Set<String> seen = new HashSet<>(QueryText.tokens(a.title() + " " + a.body()));
      seen.forEach(t -> df.merge(t, 1, Integer::sum));
    }
    // Mid-frequency words: in 0.2% to 3% of the articles, as people search for topics.
    int low = Math.max(2, corpus.size() / 500);
    int high = Math.max(low + 1, corpus.size() * 3 / 100);
    words =
        df.entrySet().stream()
            .filter(e -> e.getValue() >= low && e.getValue() <= high)
            .map(Map.Entry::getKey)
            .filter(w -> WORD.matcher(w).matches())
            .sorted()
            .toList();
    Set<String> n = new LinkedHashSet<>();
    Set<String> s = new LinkedHashSet<>();
    for (Article a : corpus) {
      n.addAll(a.entities().persons());
      if (a.source() != null) {
        s.add(a.source());
      }
    }
    names = List.copyOf(n);
    sources = List.copyOf(s);
  }

  private String word() {
    return words.get(random.nextInt(words.size()));
  }

  private String name() {
    return names.get(random.nextInt(names.size()));
  }

  private String source() {
    return sources.get(random.nextInt(sources.size())).replace("\"", "");
  }

  /** One random four-term boolean query of one of eight shapes. */
  String query() {
    return switch (random.nextInt(8)) {
      case 0 -> "\"" + word() + " " + word() + "\" AND (" + word() + " OR " + word() + ")";
      case 1 -> word() + " AND " + word() + " AND " + word() + " -" + word();
      case 2 -> "(" + word() + " OR " + word() + " OR " + word() + ") AND " + word();
      case 3 ->
          "person:\"" + name() + "\" OR (" + word() + " AND " + word() + " AND " + word() + ")";
      case 4 -> word() + " NEAR/5 " + word() + " AND NOT " + word();
      case 5 ->
          word().substring(0, 4) + "* AND " + word() + " AND (" + word() + " OR " + word() + ")";
      case 6 -> "title:" + word() + " AND (" + word() + " OR \"" + word() + " " + word() + "\"~2)";
      default ->
          word() + " AND (" + word() + " OR " + word() + ") AND NOT source:\"" + source() + "\"";
    };
  }

  /** Queries as the generator makes them, parsed. */
  List<QueryNode> queries(int count) {
    List<QueryNode> out = new ArrayList<>(count);
    while (out.size() < count) {
      out.add(QueryParser.parse(query()));
    }
    return out;
  }

  /** Reads the IndoSum bodies and UCI headlines; empty when the data is absent. */
  static List<Article> corpus() throws IOException {
    Path data = SharedData.path("data");
    List<Article> out = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    Path indosum = data.resolve("indosum-news/articles.jsonl");
    if (Files.exists(indosum)) {
      try (BufferedReader r = Files.newBufferedReader(indosum, StandardCharsets.UTF_8)) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          JsonNode n = json.readTree(line);
          String id = n.get("id").asText();
          // IndoSum has no titles; the URL slug in the id is the headline's words.
          String slug = id.replaceFirst("^indosum-\\d+-?", "").replace('-', ' ');
          out.add(article(id, slug, n.get("body").asText(), n.get("source").asText(), "id"));
        }
      }
    }
    Path uci = data.resolve("uci-news-aggregator/sample.jsonl");
    if (Files.exists(uci)) {
      try (BufferedReader r = Files.newBufferedReader(uci, StandardCharsets.UTF_8)) {
        String line = r.readLine();
        for (int i = 0; line != null && i < 1000; i++, line = r.readLine()) {
          JsonNode n = json.readTree(line);
          out.add(
              article(
                  n.get("id").asText(),
                  n.get("title").asText(),
                  "",
                  n.get("source").asText(),
                  "en"));
        }
      }
    }
    return out;
  }

  /** An article with the capitalised word pairs of its text as its persons. */
  static Article article(String id, String title, String body, String source, String lang) {
    Set<String> persons = new LinkedHashSet<>();
    Matcher m = NAME.matcher(title + " . " + body);
    while (m.find() && persons.size() < 5) {
      persons.add(m.group());
    }
    return Article.builder()
        .id(id)
        .title(title)
        .body(body)
        .source(source)
        .lang(lang)
        .entities(new Entities(List.copyOf(persons), List.of(), List.of()))
        .build();
  }

  /** What one timed run measured. */
  record Figures(
      long articles,
      double docsPerSec,
      double cpuMsPerDoc,
      double candidatesPerDoc,
      double matchesPerDoc,
      double registerSeconds) {}

  /**
   * Matches every document once against {@code queries} generated queries with {@code threads}
   * threads (compiled evaluator, multipass presearcher) and returns the articles per second. The
   * documents are article bodies; the first line of each is taken as its title.
   */
  public static double run(int queries, List<String> docs, int threads) throws Exception {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      String d = docs.get(i);
      int nl = d.indexOf('\n');
      String title = nl < 0 ? "" : d.substring(0, nl);
      articles.add(article("doc-" + i, title, nl < 0 ? d : d.substring(nl + 1), "bench", "id"));
    }
    List<QueryNode> q = new MatchBenchmark(42, articles).queries(queries);
    return measure(
            q, articles, MULTIPASS, QueryMonitor.Evaluation.PROGRAM, threads, articles.size(), 0)
        .docsPerSec();
  }

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
    List<Article> corpus = corpus();
    if (corpus.isEmpty()) {
      System.out.println("MatchBenchmark skipped: no ../shared/data (set -Dshared.dir)");
      return;
    }
    MatchBenchmark gen = new MatchBenchmark(42, corpus);
    System.out.printf(
        Locale.ROOT,
        "{\"corpus\":%d,\"queryWords\":%d,\"names\":%d,\"sample\":\"%s\"}%n",
        corpus.size(),
        gen.words.size(),
        gen.names.size(),
        gen.query().replace("\"", "\\\""));
    List<QueryNode> all = gen.queries(100_000);
    // Untimed: every path runs for a while first, so that none is timed while the JIT compiles
    // what they share (analysis, presearch); measured first, a path came out 1.5 times slower.
    for (QueryMonitor.Evaluation e : QueryMonitor.Evaluation.values()) {
      measure(all.subList(0, 10_000), corpus, e, Math.min(seconds, 3));
    }
    for (int size : new int[] {10_000, 100_000}) {
      List<QueryNode> queries = all.subList(0, size);
      Figures tree = measure(queries, corpus, QueryMonitor.Evaluation.COMPILED, seconds);
      print(size, "compiled tree", tree);
      Figures program = measure(queries, corpus, QueryMonitor.Evaluation.PROGRAM, seconds);
      print(size, "program", program);
      Figures base = measure(queries, corpus, QueryMonitor.Evaluation.LUCENE, seconds);
      print(size, "lucene-memory baseline", base);
      System.out.printf(
          Locale.ROOT,
          "{\"queries\":%d,\"cpuRatioToTree\":%.2f,\"cpuRatioToLucene\":%.1f,"
              + "\"wallRatioToLucene\":%.1f}%n",
          size,
          tree.cpuMsPerDoc() / program.cpuMsPerDoc(),
          base.cpuMsPerDoc() / program.cpuMsPerDoc(),
          program.docsPerSec() / base.docsPerSec());
    }
  }

  private static Figures measure(
      List<QueryNode> queries,
      List<Article> corpus,
      QueryMonitor.Evaluation evaluation,
      double seconds)
      throws Exception {
    return measure(queries, corpus, MULTIPASS, evaluation, 2, Long.MAX_VALUE, seconds);
  }

  private static void print(int size, String path, Figures f) {
    System.out.printf(
        Locale.ROOT,
        "{\"queries\":%d,\"path\":\"%s\",\"threads\":2,\"articles\":%d,\"docsPerSec\":%.1f,"
            + "\"cpuMsPerDoc\":%.3f,\"candidatesPerDoc\":%.1f,\"matchesPerDoc\":%.2f,"
            + "\"registerSeconds\":%.2f}%n",
        size,
        path,
        f.articles(),
        f.docsPerSec(),
        f.cpuMsPerDoc(),
        f.candidatesPerDoc(),
        f.matchesPerDoc(),
        f.registerSeconds());
  }

  /**
   * Registers the queries, then matches articles round-robin with the threads until {@code limit}
   * articles are done or {@code seconds} (when above 0) have passed.
   */
  static Figures measure(
      List<QueryNode> queries,
      List<Article> articles,
      QueryMonitor.Presearcher presearcher,
      QueryMonitor.Evaluation evaluation,
      int threads,
      long limit,
      double seconds)
      throws Exception {
    QueryMonitor monitor = new QueryMonitor(presearcher, evaluation);
    long t0 = System.nanoTime();
    for (int i = 0; i < queries.size(); i++) {
      monitor.register(Integer.toString(i), queries.get(i));
    }
    double registerSeconds = (System.nanoTime() - t0) / 1e9;
    // Warm-up, not counted: the first path measured would otherwise pay for the JIT.
    try (Analyzer analyzer = QueryText.analyzer()) {
      for (int i = 0; i < WARM_UP && i < articles.size(); i++) {
        monitor.match(MonitorDocument.of(articles.get(articles.size() - 1 - i), analyzer));
      }
    }
    AtomicInteger next = new AtomicInteger();
    AtomicLong matched = new AtomicLong();
    AtomicLong candidates = new AtomicLong();
    AtomicLong done = new AtomicLong();
    AtomicLong cpu = new AtomicLong();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long deadline = seconds > 0 ? System.nanoTime() + (long) (seconds * 1e9) : Long.MAX_VALUE;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                long c0 = mx.getCurrentThreadCpuTime();
                try (Analyzer analyzer = QueryText.analyzer()) {
                  while (System.nanoTime() < deadline) {
                    int n = next.getAndIncrement();
                    if (n >= limit) {
                      break;
                    }
                    Article a = articles.get(n % articles.size());
                    QueryMonitor.Result r = monitor.match(MonitorDocument.of(a, analyzer));
                    matched.addAndGet(r.matches().size());
                    candidates.addAndGet(r.candidates());
                    done.incrementAndGet();
                  }
                }
                cpu.addAndGet(mx.getCurrentThreadCpuTime() - c0);
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    double elapsed = (System.nanoTime() - start) / 1e9;
    long n = Math.max(1, done.get());
    return new Figures(
        done.get(),
        done.get() / elapsed,
        cpu.get() / 1e6 / n,
        candidates.get() / (double) n,
        matched.get() / (double) n,
        registerSeconds);
  }
}
