package io.pantau.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.pantau.index.node.EmbeddedElasticsearch;
import io.pantau.testsupport.PantauProcess;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ingest through the API with the journal on and with the in-memory queue only, in the same run
 * against the same Elasticsearch: how fast the articles are accepted, and how fast they are all
 * indexed. Prints the figures; asserts that both paths index every article. (Fewer articles than
 * the durability tests, to keep {@code mvn verify} short on a small machine.)
 */
class IngestThroughputIT {
  private static final int ARTICLES = 2_000;

  @Test
  void theJournalKeepsEveryArticleAtAComparableRate() throws Exception {
    Path root = Durability.newDir("pantau-throughput-it-");
    EmbeddedElasticsearch es = Durability.startNode(root);
    try {
      double[] journal = run(root.resolve("journal"), es.hostAndPort(), true);
      double[] memory = run(root.resolve("memory"), es.hostAndPort(), false);
      Durability.assertIndexedExactlyOnce(es.hostAndPort(), 2 * ARTICLES);
      System.out.printf(
          "IngestThroughputIT: %d articles in bulk requests of %d. journal: accepted %.0f/s,"
              + " indexed %.0f/s; in-memory: accepted %.0f/s, indexed %.0f/s%n",
          ARTICLES, Durability.PER_REQUEST, journal[0], journal[1], memory[0], memory[1]);
    } finally {
      es.stop();
      // About 120 MB of Elasticsearch per run; the node is stopped, so nothing writes there now.
      Durability.deleteTree(root);
    }
  }

  /** Articles per second accepted, and indexed (from the first request to the last indexed). */
  private static double[] run(Path dataDir, String es, boolean journal) throws Exception {
    Map<String, String> settings = new HashMap<>(Durability.fastRetries());
    settings.put("pantau.ingest.journal", Boolean.toString(journal));
    String path = journal ? "journal" : "memory";
    try (PantauProcess app = new PantauProcess(dataDir, es, settings)) {
      app.start();
      long t0 = System.nanoTime();
      int accepted = 0;
      for (int sent = 0; sent < ARTICLES; sent += Durability.PER_REQUEST) {
        accepted += Durability.sendBulk(app, path, sent, sent + Durability.PER_REQUEST);
      }
      double acceptSeconds = (System.nanoTime() - t0) / 1e9;
      int expected = accepted;
      JsonNode done =
          app.awaitStatus(
              s ->
                  s.get("indexed").asLong()
                          + s.get("duplicates").asLong()
                          + s.get("failed").asLong()
                      >= expected,
              Durability.DRAIN_TIMEOUT);
      double allSeconds = (System.nanoTime() - t0) / 1e9;
      assertEquals(expected, done.get("indexed").asLong(), done.toString());
      assertEquals(journal, done.get("journalEnabled").asBoolean());
      return new double[] {accepted / acceptSeconds, accepted / allSeconds};
    }
  }
}
