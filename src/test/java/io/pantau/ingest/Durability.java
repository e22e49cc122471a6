package io.pantau.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pantau.index.node.EmbeddedElasticsearch;
import io.pantau.testsupport.PantauProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the durability integration tests share: an Elasticsearch node they can stop and start again
 * on the same port and data, small distinct articles as NDJSON, and checks made straight against
 * Elasticsearch.
 */
final class Durability {
  static final int ARTICLES = 10_000;
  static final int PER_REQUEST = 500;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Durability() {}

  /** Settings that make the packaged app answer at once and retry quickly. */
  static Map<String, String> fastRetries() {
    return Map.of(
        "pantau.ingest.sync-wait", "0s",
        "pantau.ingest.retry-backoff", "200ms",
        "pantau.ingest.max-retry-backoff", "2s",
        "quarkus.log.category.\"io.pantau.ingest\".level", "ERROR");
  }

  static Path newDir(String prefix) throws IOException {
    Path dir =
        Files.createTempDirectory(
            prefix,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  /** Removes a test's folder and everything in it (the node's files too, which root may remove). */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A node under {@code root/es}, started on a free port. */
  static EmbeddedElasticsearch startNode(Path root) {
    EmbeddedElasticsearch es = node(root.resolve("es"), 0);
    es.start();
    return es;
  }

  /** The packaged app under {@code root/pantau}, answering at once and retrying quickly. */
  static PantauProcess app(Path root, String elasticsearch) {
    return new PantauProcess(root.resolve("pantau"), elasticsearch, fastRetries());
  }

  static EmbeddedElasticsearch node(Path home, int port) {
    String zip = System.getProperty("pantau.elasticsearch.distribution");
    if (zip == null) {
      throw new IllegalStateException("pantau.elasticsearch.distribution is not set");
    }
    return new EmbeddedElasticsearch(
        new EmbeddedElasticsearch.Settings(
            Path.of(zip), home, port, "512m", Duration.ofSeconds(180), null));
  }

  /** How long draining may take on a loaded machine (it takes seconds on an idle one). */
  static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(15);

  /** Articles {@code from} (inclusive) to {@code to} (exclusive), one JSON object a line. */
  static String ndjson(int from, int to) {
    return ndjson("berita", from, to);
  }

  /** Like {@link #ndjson(int, int)}, with URLs under {@code /<path>/}, so each set is distinct. */
  static String ndjson(String path, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int n = from; n < to; n++) {
      ObjectNode a = JSON.createObjectNode();
      a.put("url", "https://durability.example/" + path + "/" + n);
      a.put("title", "Laporan nomor " + n + " tentang pasar ikan di Semarang");
      a.put(
          "body",
          "Pedagang di pasar ikan Semarang melaporkan harga naik untuk laporan nomor "
              + n
              + ". Pemerintah kota berjanji memeriksa pasokan minggu ini. Warga berharap harga"
              + " kembali normal sebelum akhir bulan.");
      a.put("source", "durability.example");
      a.put("published", "2025-06-16T08:00:00Z");
      a.put("lang", "id");
      b.append(a).append('\n');
    }
    return b.toString();
  }

  /** Sends one bulk request and returns how many of its lines were accepted. */
  static int sendBulk(PantauProcess app, int from, int to) {
    return sendBulk(app, "berita", from, to);
  }

  static int sendBulk(PantauProcess app, String path, int from, int to) {
    PantauProcess.Answer a =
        app.post("/api/articles/_bulk", "application/x-ndjson", ndjson(path, from, to));
    assertTrue(
        a.status() == 201 || a.status() == 202, "bulk answered " + a.status() + ": " + a.body());
    int accepted = 0;
    for (JsonNode item : a.json().get("items")) {
      String status = item.get("status").asText();
      assertTrue(
          status.equals("queued") || status.equals("indexed"),
          "an article was not accepted: " + item);
      accepted++;
    }
    return accepted;
  }

  /** Every article indexed exactly once: as many documents as accepted, no URL twice. */
  static void assertIndexedExactlyOnce(String es, int accepted)
      throws IOException, InterruptedException {
    call(es, "POST", "/pantau-articles/_refresh", null);
    long count = call(es, "GET", "/pantau-articles/_count", null).get("count").asLong();
    JsonNode dups =
        call(
            es,
            "POST",
            "/pantau-articles/_search",
            "{\"size\":0,\"aggs\":{\"twice\":{\"terms\":{\"field\":\"url\",\"min_doc_count\":2,"
                + "\"size\":10}}}}");
    assertEquals(0, dups.at("/aggregations/twice/buckets").size(), "URLs stored twice: " + dups);
    assertEquals(accepted, count, "documents in the index");
  }

  /**
   * Every accepted article stored exactly once, read through Pantau's search API (for the embedded
   * default, whose node the test does not address): as many hits as accepted articles under {@code
   * /<path>/}, each URL once, and those URLs are articles {@code 0} to {@code accepted - 1}. Waits
   * for the index to refresh until the count is reached.
   */
  static void assertSearchableExactlyOnce(PantauProcess app, String path, int accepted)
      throws InterruptedException {
    String search = "/api/articles?source=durability.example&size=200";
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    long total = app.get(search).json().get("total").asLong();
    while (total < accepted && System.nanoTime() < deadline) {
      Thread.sleep(500);
      total = app.get(search).json().get("total").asLong();
    }
    assertEquals(accepted, total, "articles found through the search API");
    List<String> urls = new ArrayList<>();
    for (int page = 0; page * 200 < total; page++) {
      for (JsonNode item : app.get(search + "&page=" + page).json().get("items")) {
        urls.add(item.get("url").asText());
      }
    }
    Set<String> distinct = new HashSet<>(urls);
    assertEquals(urls.size(), distinct.size(), "an article was stored twice");
    Set<String> expected = new HashSet<>();
    for (int n = 0; n < accepted; n++) {
      expected.add("https://durability.example/" + path + "/" + n);
    }
    assertEquals(expected, distinct, "the stored articles are the accepted ones");
  }

  static JsonNode call(String es, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://" + es + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new UncheckedIOException(new IOException(method + " " + path + ": " + r.body()));
    }
    return JSON.readTree(r.body());
  }
}
