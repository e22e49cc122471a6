package io.pantau.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pantau.index.node.EmbeddedElasticsearch;
import io.pantau.testsupport.PantauProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, done-when (b): the packaged application is killed with SIGKILL in the middle of a
 * 10,000-article ingest and started again on the same data; every accepted article ends up indexed
 * exactly once.
 */
class CrashRecoveryIT {

  @Test
  void everyAcceptedArticleIsIndexedExactlyOnceAfterAKillDashNine() throws Exception {
    Path root = Durability.newDir("pantau-crash-it-");
    EmbeddedElasticsearch es = Durability.startNode(root);
    PantauProcess app = Durability.app(root, es.hostAndPort());
    try {
      app.start();
      int accepted = 0;
      int sent = 0;
      for (; sent < 6_000; sent += Durability.PER_REQUEST) {
        accepted += Durability.sendBulk(app, sent, sent + Durability.PER_REQUEST);
      }
      JsonNode before = app.get("/api/ingest/status").json();
      app.kill();
      long pendingAtKill = before.get("journalPending").asLong();
      assertTrue(pendingAtKill > 0, "the kill came mid-ingest: " + before);

      long t0 = System.nanoTime();
      app.start();
      double restartSeconds = (System.nanoTime() - t0) / 1e9;
      JsonNode after = app.get("/api/ingest/status").json();
      assertTrue(after.get("recovered").asInt() > 0, "work resumed from the journal: " + after);
      for (; sent < Durability.ARTICLES; sent += Durability.PER_REQUEST) {
        accepted += Durability.sendBulk(app, sent, sent + Durability.PER_REQUEST);
      }
      assertEquals(Durability.ARTICLES, accepted);
      JsonNode drained =
          app.awaitStatus(
              s -> s.get("journalPending").asLong() == 0 && s.get("backlog").asInt() == 0,
              Durability.DRAIN_TIMEOUT);
      assertEquals(0, drained.get("journalPending").asLong(), "drained: " + drained);
      assertEquals(0, drained.get("failed").asLong(), "nothing failed: " + drained);
      Durability.assertIndexedExactlyOnce(es.hostAndPort(), accepted);
      System.out.printf(
          "CrashRecoveryIT: killed with %d of %d accepted articles pending; restart took %.1f s,"
              + " %d articles recovered from the journal in %d ms; replays found already stored:"
              + " %d%n",
          pendingAtKill,
          6_000,
          restartSeconds,
          after.get("recovered").asInt(),
          after.get("recoveryMillis").asLong(),
          drained.get("duplicates").asLong());
    } finally {
      app.close();
      es.stop();
      // About 120 MB of Elasticsearch per run; the node is stopped, so nothing writes there now.
      Durability.deleteTree(root);
    }
  }
}
