package io.pantau.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pantau.index.IndexNames;
import io.pantau.text.Fold;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ceiling: the very documents Pantau stored, read back from its index, sent with {@code _bulk}
 * by a plain client into fresh indices with the same mapping and settings, at several batch sizes
 * and numbers of concurrent clients. The best of them is the ceiling.
 */
final class RawBulk {
  private static final String PREFIX = "bench-raw-";
  private static final int[] BATCHES = {500, 1000, 2000};
  private static final int[] CLIENTS = {1, 2, 3};

  private final Http es;
  private final List<byte[]> docs = new ArrayList<>();
  private final TreeSet<String> indices = new TreeSet<>();
  private double avgDocBytes;

  RawBulk(Http es) {
    this.es = es;
  }

  /** One configuration's figures. */
  record Attempt(int batch, int clients, int docs, double seconds) {
    double docsPerSec() {
      return docs / seconds;
    }
  }

  /** The sweep: every attempt, and the best. */
  record Sweep(List<Attempt> attempts, Attempt best, double avgDocBytes) {}

  /** Reads Pantau's stored documents back as bulk lines (action and source). */
  void export() {
    long bytes = 0;
    JsonNode page =
        Bench.json(
            es.post(
                    "/" + IndexNames.ARTICLES + "/_search?scroll=2m",
                    "application/json",
                    "{\"size\":1000,\"sort\":[\"_doc\"]}".getBytes(StandardCharsets.UTF_8))
                .ok()
                .body());
    while (page.path("hits").path("hits").size() > 0) {
      for (JsonNode hit : page.path("hits").path("hits")) {
        ObjectNode doc = (ObjectNode) hit.path("_source");
        // The folded search text is indexed but left out of _source; it is rebuilt as Pantau
        // builds it (for an article stored as a snippet, Pantau folds the whole text instead).
        doc.putObject("search")
            .put("title", Fold.fold(doc.path("title").asText(null)))
            .put("body", Fold.fold(doc.path("body").asText(null)));
        String source = doc.toString();
        String index = PREFIX + hit.path("_index").asText().replace(IndexNames.ARTICLES + "-", "");
        indices.add(index);
        ObjectNode action = Corpus.JSON.createObjectNode();
        action.putObject("create").put("_index", index).put("_id", hit.path("_id").asText());
        byte[] line = (action + "\n" + source + "\n").getBytes(StandardCharsets.UTF_8);
        bytes += source.length();
        docs.add(line);
      }
      String scroll = page.path("_scroll_id").asText();
      page =
          Bench.json(
              es.post(
                      "/_search/scroll",
                      "application/json",
                      ("{\"scroll\":\"2m\",\"scroll_id\":\"" + scroll + "\"}")
                          .getBytes(StandardCharsets.UTF_8))
                  .ok()
                  .body());
    }
    Bench.log(
        "raw: %d stored documents exported, %.1f KB on average",
        docs.size(), docs.isEmpty() ? 0 : bytes / 1024.0 / docs.size());
    avgDocBytes = docs.isEmpty() ? 0 : (double) bytes / docs.size();
    putTemplate();
  }

  Sweep sweep() throws Exception {
    List<Attempt> attempts = new ArrayList<>();
    Attempt best = null;
    for (int clients : CLIENTS) {
      for (int batch : BATCHES) {
        Attempt a = attempt(batch, clients);
        Bench.log("raw _bulk: batch %d, %d client(s): %.0f docs/s", batch, clients, a.docsPerSec());
        attempts.add(a);
        if (best == null || a.docsPerSec() > best.docsPerSec()) {
          best = a;
        }
      }
    }
    return new Sweep(attempts, best, avgDocBytes);
  }

  /** Removes the ceiling's indices and template. */
  void clear() {
    deleteIndices();
    es.delete("/_index_template/bench-raw");
    docs.clear();
  }

  private void deleteIndices() {
    // By name: deleting by wildcard is refused where action.destructive_requires_name holds.
    for (String index : indices) {
      es.delete("/" + index);
    }
  }

  private Attempt attempt(int batch, int clients) throws Exception {
    deleteIndices();
    for (String index : indices) {
      es.put("/" + index, "{}").ok();
    }
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int from; (from = next.getAndAdd(batch)) < docs.size(); ) {
                    ByteArrayOutputStream body = new ByteArrayOutputStream(batch * 4096);
                    for (int i = from; i < Math.min(docs.size(), from + batch); i++) {
                      body.writeBytes(docs.get(i));
                    }
                    String answer =
                        es.post("/_bulk", "application/x-ndjson", body.toByteArray()).ok().body();
                    if (answer.startsWith("{\"errors\":true")
                        || answer.contains("\"errors\":true,")) {
                      throw new IllegalStateException(
                          "raw bulk had errors: " + answer.substring(0, 400));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    es.post("/" + PREFIX + "*/_refresh", "application/json", new byte[0]).ok();
    return new Attempt(batch, clients, docs.size(), (System.nanoTime() - start) / 1e9);
  }

  /** The template of Pantau's index (mapping and settings resources) over the ceiling's indices. */
  private void putTemplate() {
    JsonNode pantau =
        Bench.json(es.get("/_index_template/" + IndexNames.ARTICLES_TEMPLATE).ok().body())
            .path("index_templates")
            .path(0)
            .path("index_template");
    ObjectNode template = Corpus.JSON.createObjectNode();
    template.putArray("index_patterns").add(PREFIX + "*");
    template.put("priority", 50);
    ObjectNode inner = template.putObject("template");
    inner.set("settings", pantau.path("template").path("settings"));
    inner.set("mappings", pantau.path("template").path("mappings"));
    if (pantau.isMissingNode()) {
      throw new IllegalStateException("Pantau's index template is missing");
    }
    es.put("/_index_template/bench-raw", template.toString()).ok();
  }
}
