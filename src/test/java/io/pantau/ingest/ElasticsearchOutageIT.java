package io.pantau.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pantau.index.node.EmbeddedElasticsearch;
import io.pantau.testsupport.PantauProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, done-when (a): Elasticsearch stops in the middle of a 10,000-article bulk ingest into
 * the packaged application; ingest keeps accepting, health says degraded, and once Elasticsearch is
 * back every accepted article is indexed exactly once.
 */
class ElasticsearchOutageIT {

  @Test
  void everyArticleAcceptedDuringAnOutageIsIndexedExactlyOnceWhenElasticsearchIsBack()
      throws Exception {
    Path root = Durability.newDir("pantau-outage-it-");
    EmbeddedElasticsearch es = Durability.startNode(root);
    int esPort = es.httpPort();
    PantauProcess app = Durability.app(root, es.hostAndPort());
    try {
      app.start();
      int accepted = 0;
      int sent = 0;
      long t0 = System.nanoTime();
      // A first part while Elasticsearch is up; it is still being indexed when the node stops.
      for (; sent < 2_000; sent += Durability.PER_REQUEST) {
        accepted += Durability.sendBulk(app, sent, sent + Durability.PER_REQUEST);
      }
      es.stop();
      for (; sent < Durability.ARTICLES; sent += Durability.PER_REQUEST) {
        accepted += Durability.sendBulk(app, sent, sent + Durability.PER_REQUEST);
      }
      double acceptSeconds = (System.nanoTime() - t0) / 1e9;
      assertEquals(Durability.ARTICLES, accepted, "every article was accepted during the outage");

      JsonNode down = app.awaitStatus(s -> s.get("retries").asLong() > 0, Duration.ofSeconds(30));
      assertFalse(down.get("elasticsearchReachable").asBoolean());
      assertTrue(down.get("retries").asLong() > 0, "workers retried: " + down);
      assertTrue(down.get("journalPending").asLong() > 0, "articles wait in the journal: " + down);
      assertTrue(down.hasNonNull("lastError"), "the last error is shown: " + down);
      PantauProcess.Answer ready = app.get("/q/health/ready");
      assertEquals(503, ready.status(), "readiness reports the outage");
      assertTrue(ready.body().contains("Elasticsearch"), ready.body());
      assertEquals(200, app.get("/q/health/live").status(), "but Pantau is alive");

      long outageStart = System.nanoTime();
      es = Durability.node(root.resolve("es"), esPort);
      es.start();
      assertEquals(esPort, es.httpPort(), "Elasticsearch came back on the same port");
      JsonNode drained =
          app.awaitStatus(
              s -> s.get("journalPending").asLong() == 0 && s.get("backlog").asInt() == 0,
              Durability.DRAIN_TIMEOUT);
      double drainSeconds = (System.nanoTime() - outageStart) / 1e9;
      assertEquals(0, drained.get("journalPending").asLong(), "drained: " + drained);
      assertEquals(0, drained.get("failed").asLong(), "nothing failed: " + drained);
      assertEquals(
          Durability.ARTICLES,
          drained.get("indexed").asLong() + drained.get("duplicates").asLong(),
          drained.toString());
      assertTrue(drained.get("elasticsearchReachable").asBoolean());
      assertEquals(0, drained.get("journalSegments").asInt(), "done segments are deleted");
      Durability.assertIndexedExactlyOnce(es.hostAndPort(), accepted);
      System.out.printf(
          "ElasticsearchOutageIT: %d articles accepted in %.1f s (outage from article 2000),"
              + " %d retries, restart and drain %.1f s%n",
          accepted, acceptSeconds, drained.get("retries").asLong(), drainSeconds);
    } finally {
      app.close();
      es.stop();
      // About 120 MB of Elasticsearch per run; the node is stopped, so nothing writes there now.
      Durability.deleteTree(root);
    }
  }
}
