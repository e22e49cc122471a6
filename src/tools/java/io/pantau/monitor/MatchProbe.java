package io.pantau.monitor;

import io.pantau.article.Article;
import io.pantau.query.QueryParser;
import io.pantau.query.QueryText;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;

/**
 * Alert matching alone, for the benchmark in {@code io.pantau.bench}: the stored-query monitor that
 * {@link AlertMatcher} runs (same presearcher), fed with given queries and articles. Only drives
 * the monitor's package API; the monitor itself is the alerts package's business.
 */
public final class MatchProbe {
  private MatchProbe() {}

  /** What one matching run did. */
  public record Outcome(
      int queries,
      int threads,
      long articles,
      double docsPerSec,
      double matchesPerDoc,
      double candidatesPerDoc,
      double cpuMsPerDoc) {}

  /**
   * Articles matched before the clock starts: the JIT warms up and the monitor passes its first two
   * re-filings by observed key counts (after 128 and 1,024 documents), as a monitor that has been
   * running does.
   */
  static final int WARM_UP = 1_100;

  /**
   * Registers {@code queries} (Pantau query language), matches {@link #WARM_UP} articles untimed,
   * then matches {@code articles} round-robin with {@code threads} threads for about {@code
   * seconds}.
   */
  public static Outcome run(
      List<String> queries, List<Article> articles, int threads, double seconds) throws Exception {
    QueryMonitor monitor = new QueryMonitor(QueryMonitor.Presearcher.MULTIPASS);
    for (int i = 0; i < queries.size(); i++) {
      monitor.register(Integer.toString(i), QueryParser.parse(queries.get(i)));
    }
    try (Analyzer analyzer = QueryText.analyzer()) {
      for (int i = 0; i < WARM_UP; i++) {
        monitor.match(MonitorDocument.of(articles.get(i % articles.size()), analyzer));
      }
    }
    AtomicInteger next = new AtomicInteger();
    AtomicLong matched = new AtomicLong();
    AtomicLong candidates = new AtomicLong();
    AtomicLong cpuNanos = new AtomicLong();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    AtomicLong done = new AtomicLong();
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  long c0 = mx.getCurrentThreadCpuTime();
                  try (Analyzer analyzer = QueryText.analyzer()) {
                    while (System.nanoTime() < deadline) {
                      Article a = articles.get(next.getAndIncrement() % articles.size());
                      QueryMonitor.Result r = monitor.match(MonitorDocument.of(a, analyzer));
                      matched.addAndGet(r.matches().size());
                      candidates.addAndGet(r.candidates());
                      done.incrementAndGet();
                    }
                  }
                  cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - c0);
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Outcome(
        queries.size(),
        threads,
        done.get(),
        done.get() / elapsed,
        done.get() == 0 ? 0 : matched.get() / (double) done.get(),
        done.get() == 0 ? 0 : candidates.get() / (double) done.get(),
        done.get() == 0 ? 0 : cpuNanos.get() / 1e6 / done.get());
  }
}
