package io.pantau.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pantau end to end: the corpus posted to {@code POST /api/articles/_bulk} by concurrent clients,
 * timed until every accepted article is searchable in Elasticsearch.
 */
final class Ingest {
  private final Http pantau;
  private final Http es;
  private final BenchOptions o;
  private final CpuMeter pantauCpu;
  private final CpuMeter esCpu;

  Ingest(Http pantau, Http es, BenchOptions o, CpuMeter pantauCpu, CpuMeter esCpu) {
    this.pantau = pantau;
    this.es = es;
    this.o = o;
    this.pantauCpu = pantauCpu;
    this.esCpu = esCpu;
  }

  /** One ingest run's figures. */
  record Run(
      String label,
      int posted,
      long indexed,
      long duplicates,
      long rejected,
      double seconds,
      double postSeconds,
      double pantauCpuSeconds,
      double esCpuSeconds) {
    double docsPerSec() {
      return posted / seconds;
    }

    /** Pantau's CPU milliseconds per posted article (all its threads). */
    double pantauCpuMsPerDoc() {
      return pantauCpuSeconds * 1000 / posted;
    }

    /** Elasticsearch's CPU milliseconds per posted article while Pantau stored them. */
    double esCpuMsPerDoc() {
      return esCpuSeconds * 1000 / posted;
    }
  }

  Run run(Corpus corpus, String label) throws Exception {
    Iterator<byte[]> requests = corpus.requests(o.requestArticles());
    AtomicLong indexed = new AtomicLong();
    AtomicLong queued = new AtomicLong();
    AtomicLong duplicates = new AtomicLong();
    AtomicLong rejected = new AtomicLong();
    long before = count();
    double pantauCpu0 = pantauCpu.seconds();
    double esCpu0 = esCpu.seconds();
    double pantauJit0 = pantauCpu.compilerSeconds();
    double esJit0 = esCpu.compilerSeconds();
    EsActivity activity0 = EsActivity.read(es);
    long start = System.nanoTime();
    Progress progress = new Progress(label, start, pantauCpu0, esCpu0);
    Bench.inParallel(
        o.clients(),
        () -> {
          for (byte[] body; (body = Bench.nextOrNull(requests)) != null; ) {
            JsonNode answer =
                Bench.json(
                    pantau.post("/api/articles/_bulk", "application/x-ndjson", body).ok().body());
            for (JsonNode item : answer.path("items")) {
              switch (item.path("status").asText()) {
                case "indexed" -> indexed.incrementAndGet();
                case "queued" -> queued.incrementAndGet();
                case "duplicate" -> duplicates.incrementAndGet();
                default -> rejected.incrementAndGet();
              }
            }
            progress.posted(answer.path("items").size());
          }
        });
    double postSeconds = (System.nanoTime() - start) / 1e9;
    long expected = before + indexed.get() + queued.get();
    long deadline = System.nanoTime() + 600_000_000_000L;
    // searchable as the ceiling's documents are: by a refresh asked for once the posting ends,
    // not by waiting out the refresh interval
    while (refreshedCount() < expected) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("articles did not become searchable: " + count());
      }
      Thread.sleep(50);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double pantauCpuSeconds = pantauCpu.seconds() - pantauCpu0;
    double esCpuSeconds = esCpu.seconds() - esCpu0;
    EsActivity activity = EsActivity.read(es).since(activity0);
    Run run =
        new Run(
            label,
            corpus.count(),
            indexed.get() + queued.get(),
            duplicates.get(),
            rejected.get(),
            seconds,
            postSeconds,
            pantauCpuSeconds,
            esCpuSeconds);
    Bench.log(
        "pantau ingest (%s): %d posted, %d stored, %d duplicate, %d rejected in %.1f s: %.0f"
            + " articles/s; CPU per article: Pantau %.2f ms, Elasticsearch %.2f ms",
        label,
        run.posted(),
        run.indexed(),
        run.duplicates(),
        run.rejected(),
        seconds,
        run.docsPerSec(),
        run.pantauCpuMsPerDoc(),
        run.esCpuMsPerDoc());
    Bench.log("elasticsearch during the ingest: %s", activity.perDoc(run.posted()));
    Bench.log(
        "JIT compiler threads during the ingest: Pantau %.2f, Elasticsearch %.2f ms per article",
        (pantauCpu.compilerSeconds() - pantauJit0) * 1000 / run.posted(),
        (esCpu.compilerSeconds() - esJit0) * 1000 / run.posted());
    return run;
  }

  /**
   * A line per {@link #SLICE} articles posted: the slice's rate and CPU per article, so that a long
   * run shows its progress and whether Pantau had reached a steady state (JIT, caches) or was still
   * getting faster.
   */
  private final class Progress {
    private static final int SLICE = 2000;
    private final String label;
    private long posted;
    private long printed;
    private long sliceStart;
    private double pantauCpu0;
    private double esCpu0;

    Progress(String label, long start, double pantauCpu0, double esCpu0) {
      this.label = label;
      this.sliceStart = start;
      this.pantauCpu0 = pantauCpu0;
      this.esCpu0 = esCpu0;
    }

    synchronized void posted(int articles) {
      long before = posted;
      posted += articles;
      if (posted / SLICE == before / SLICE) {
        return;
      }
      long now = System.nanoTime();
      double pantauNow = pantauCpu.seconds();
      double esNow = esCpu.seconds();
      long slice = posted - printed;
      printed = posted;
      Bench.log(
          "  %s: %d posted; last %d at %.0f articles/s, CPU per article Pantau %.2f ms,"
              + " Elasticsearch %.2f ms",
          label,
          posted,
          slice,
          slice / ((now - sliceStart) / 1e9),
          (pantauNow - pantauCpu0) * 1000 / slice,
          (esNow - esCpu0) * 1000 / slice);
      sliceStart = now;
      pantauCpu0 = pantauNow;
      esCpu0 = esNow;
    }
  }

  /** Searchable articles after a refresh of the article index. */
  private long refreshedCount() {
    es.post("/pantau-articles/_refresh", "application/json", new byte[0]);
    return count();
  }

  /** Searchable articles. */
  long count() {
    Http.Answer a = es.get("/pantau-articles/_count");
    return a.status() == 200 ? Bench.json(a.body()).path("count").asLong() : 0;
  }

  /**
   * Empties the article index for a second run: the partitions are deleted and created again empty,
   * so the alias and the mapping stay as Pantau made them.
   */
  void clearArticles() {
    String names = es.get("/_cat/indices/pantau-articles-*?h=index").ok().body();
    for (String index : names.split("\\s+")) {
      if (!index.isBlank()) {
        es.delete("/" + index).ok();
        es.put("/" + index, "{}").ok();
      }
    }
  }
}
