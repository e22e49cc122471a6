package io.pantau.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pantau.monitor.MatchProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one run: {@code result.json} (names in API.md) and the table printed at the end.
 */
final class Result {
  private final ObjectNode json = Corpus.JSON.createObjectNode();
  private final StringBuilder table = new StringBuilder();
  private double rawDocsPerSec;
  private double pantauDocsPerSec;
  private Ingest.Run plain;
  private int ingestRuns;

  Result(BenchOptions o) {
    json.put("generatedAt", Instant.now().toString());
    json.put("cores", Runtime.getRuntime().availableProcessors());
    json.put("clients", o.clients());
    json.put("requestArticles", o.requestArticles());
    json.put("pantauHeapLimit", o.pantauHeap());
    json.put("pantauGc", o.pantauGc());
    json.put("elasticsearchHeap", o.esHeap());
  }

  void corpus(Corpus c) {
    json.put("articles", c.count());
    json.put("corpus", c.file().getFileName().toString());
    json.put("corpusMb", round(c.bytes() / 1e6));
    row("Articles", Integer.toString(c.count()), "", "");
  }

  /** Pantau's timed ingest runs; its figures are those of the run of median rate. */
  void ingest(List<Ingest.Run> runs) {
    Ingest.Run r = Bench.median(runs, Ingest.Run::docsPerSec);
    ingestRuns = runs.size();
    var rates = json.putArray("pantauRunsDocsPerSec");
    runs.forEach(run -> rates.add(round(run.docsPerSec())));
    pantauDocsPerSec = r.docsPerSec();
    json.put("pantauDocsPerSec", round(r.docsPerSec()));
    json.put("pantauStored", r.indexed());
    json.put("pantauDuplicates", r.duplicates());
    json.put("pantauRejected", r.rejected());
    json.put("pantauIngestSeconds", round(r.seconds()));
    json.put("pantauCpuMsPerDoc", round(r.pantauCpuMsPerDoc()));
    json.put("pantauIngestEsCpuMsPerDoc", round(r.esCpuMsPerDoc()));
    plain = r;
  }

  void raw(RawBulk.Sweep s) {
    RawBulk.Attempt ceiling = s.ceiling();
    rawDocsPerSec = ceiling.docsPerSec();
    json.put("rawBulkDocsPerSec", round(rawDocsPerSec));
    json.put("rawBulkSweepBestDocsPerSec", round(s.best().docsPerSec()));
    var runs = json.putArray("rawBulkRunsOfBest");
    s.runsOfBest().forEach(a -> runs.add(round(a.docsPerSec())));
    json.put("rawBulkBatch", s.best().batch());
    json.put("rawBulkClients", s.best().clients());
    json.put("rawDocKb", round(s.avgDocBytes() / 1024));
    var attempts = json.putArray("rawBulkAttempts");
    for (RawBulk.Attempt a : s.attempts()) {
      attempts
          .addObject()
          .put("batch", a.batch())
          .put("clients", a.clients())
          .put("docsPerSec", round(a.docsPerSec()));
    }
    double ratio = pantauDocsPerSec / rawDocsPerSec;
    json.put("ingestRatio", round(ratio));
    row(
        "Ingest, articles/s",
        String.format(Locale.ROOT, "%.0f (median of %d)", pantauDocsPerSec, ingestRuns),
        String.format(
            Locale.ROOT,
            "%.0f (_bulk %d x %d, median of %d)",
            rawDocsPerSec,
            s.best().batch(),
            s.best().clients(),
            s.runsOfBest().size()),
        String.format(Locale.ROOT, "%.2f", ratio));
    // The same comparison in CPU time, which other load on the machine does not skew: what one
    // article costs the machine through Pantau (Pantau plus Elasticsearch) against what the
    // finished document alone costs Elasticsearch.
    double rawCpu = ceiling.esCpuMsPerDoc();
    json.put("rawBulkEsCpuMsPerDoc", round(rawCpu));
    if (plain != null && rawCpu > 0) {
      double pantauTotal = plain.pantauCpuMsPerDoc() + plain.esCpuMsPerDoc();
      json.put("ingestCpuRatio", round(rawCpu / pantauTotal));
      row(
          "Ingest CPU per article, ms (Pantau + ES)",
          String.format(
              Locale.ROOT, "%.2f + %.2f", plain.pantauCpuMsPerDoc(), plain.esCpuMsPerDoc()),
          String.format(Locale.ROOT, "%.2f (ES alone)", rawCpu),
          String.format(Locale.ROOT, "%.2f", rawCpu / pantauTotal));
    }
  }

  void ingestWithAlerts(Ingest.Run r, double registerSeconds, long webhooks) {
    json.put("pantauWithAlertsDocsPerSec", round(r.docsPerSec()));
    json.put("alertQueries", Integer.parseInt(r.label().split(" ")[0]));
    json.put("alertIngestArticles", r.posted());
    json.put("alertRegisterSeconds", round(registerSeconds));
    json.put("alertWebhookDeliveries", webhooks);
    json.put("pantauWithAlertsCpuMsPerDoc", round(r.pantauCpuMsPerDoc()));
    row(
        "Ingest with " + r.label() + ", articles/s",
        String.format(Locale.ROOT, "%.0f", r.docsPerSec()),
        String.format(Locale.ROOT, "%.0f", rawDocsPerSec),
        String.format(Locale.ROOT, "%.2f", r.docsPerSec() / rawDocsPerSec));
  }

  void analytics(long articles, List<AnalyticsTimes.Times> times) {
    json.put("analyticsArticles", articles);
    ObjectNode a = json.putObject("analytics");
    for (AnalyticsTimes.Times t : times) {
      a.putObject(t.endpoint())
          .put("p50Ms", round(t.p50Ms()))
          .put("p95Ms", round(t.p95Ms()))
          .put("rawP50Ms", round(t.rawP50Ms()))
          .put("rawP95Ms", round(t.rawP95Ms()))
          .put("ratio", round(t.ratio()))
          .put("serverP50Ms", round(t.serverP50Ms()))
          .put("serverEsP50Ms", round(t.serverEsP50Ms()))
          .put("serverRatio", round(t.serverRatio()));
      row(
          String.format(Locale.ROOT, "Analytics %s at %,d, p50 (p95) ms", t.endpoint(), articles),
          String.format(Locale.ROOT, "%.1f (%.1f)", t.p50Ms(), t.p95Ms()),
          String.format(Locale.ROOT, "%.1f (%.1f)", t.rawP50Ms(), t.rawP95Ms()),
          String.format(Locale.ROOT, "%.2f", t.ratio()));
    }
    for (AnalyticsTimes.Times t : times) {
      row(
          String.format(Locale.ROOT, "Analytics %s, Pantau server-side p50 ms", t.endpoint()),
          String.format(Locale.ROOT, "%.1f (es %.1f)", t.serverP50Ms(), t.serverEsP50Ms()),
          String.format(Locale.ROOT, "%.1f", t.rawP50Ms()),
          String.format(Locale.ROOT, "%.2f", t.serverRatio()));
    }
  }

  void match(int queries, MatchProbe.Outcome m) {
    String key = queries == 10_000 ? "alertMatch10kDocsPerSec" : "alertMatch100kDocsPerSec";
    json.put(key, round(m.docsPerSec()));
    json.put(key.replace("DocsPerSec", "MatchesPerDoc"), round(m.matchesPerDoc()));
    json.put(key.replace("DocsPerSec", "CandidatesPerDoc"), round(m.candidatesPerDoc()));
    json.put(key.replace("DocsPerSec", "CpuMsPerDoc"), round(m.cpuMsPerDoc()));
    row(
        String.format(Locale.ROOT, "Alert matching, %,d queries, articles/s", queries),
        String.format(Locale.ROOT, "%.0f", m.docsPerSec()),
        "500 (target)",
        String.format(Locale.ROOT, "%.2f", m.docsPerSec() / 500));
  }

  void memory(long peakHeapBytes, long peakLiveBytes, long peakRssBytes) {
    json.put("peakHeapMb", round(peakHeapBytes / 1048576.0));
    json.put("peakLiveHeapMb", round(peakLiveBytes / 1048576.0));
    json.put("peakRssMb", round(peakRssBytes / 1048576.0));
    row(
        "Pantau peak heap used / live after GC, MB",
        String.format(
            Locale.ROOT, "%.0f / %.0f", peakHeapBytes / 1048576.0, peakLiveBytes / 1048576.0),
        "512 (target)",
        "");
    row(
        "Pantau peak RSS, MB",
        String.format(Locale.ROOT, "%.0f", peakRssBytes / 1048576.0),
        "",
        "");
  }

  void write(Path file) throws IOException {
    Files.writeString(
        file,
        Corpus.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
  }

  String table() {
    String head =
        String.format(
            Locale.ROOT, "%-46s %-20s %-30s %s%n", "Measure", "Pantau", "Ceiling", "Ratio");
    return head + "-".repeat(104) + "\n" + table;
  }

  private void row(String measure, String pantau, String ceiling, String ratio) {
    table.append(
        String.format(Locale.ROOT, "%-46s %-20s %-30s %s%n", measure, pantau, ceiling, ratio));
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
