package io.pantau.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pantau.article.RawArticle;
import io.pantau.index.node.EmbeddedElasticsearch;
import io.pantau.ingest.journal.IngestJournal;
import io.pantau.testsupport.PantauProcess;
import io.pantau.testsupport.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An article that was indexed and alerted on, and is found undone in the journal at the next start
 * (the state a crash leaves between indexing and marking the record done), is replayed without a
 * second alert: the replay finds it stored, counts it a duplicate and fires nothing.
 */
class JournalReplayAlertIT {
  private static final String URL = "https://durability.example/replay/1";
  private static final String BODY =
      "Pedagang di pasar ikan Semarang melaporkan harga naik tajam minggu ini. Pemerintah kota"
          + " berjanji memeriksa pasokan dan menjaga harga tetap wajar bagi warga.";

  @Test
  void aReplayedArticleThatWasAlreadyAlertedOnSendsNoSecondAlert() throws Exception {
    Path root = Durability.newDir("pantau-replay-it-");
    EmbeddedElasticsearch es = Durability.startNode(root);
    Map<String, String> settings = new HashMap<>(Durability.fastRetries());
    settings.put("pantau.outbound.allow-private-networks", "true");
    PantauProcess app = new PantauProcess(root.resolve("pantau"), es.hostAndPort(), settings);
    try (WebhookReceiver hook = new WebhookReceiver()) {
      app.start();
      PantauProcess.Answer rule =
          app.post(
              "/api/alerts",
              "application/json",
              "{\"name\":\"Semarang\",\"query\":\"Semarang\",\"type\":\"match\","
                  + "\"channels\":[{\"type\":\"webhook\",\"url\":\""
                  + hook.url()
                  + "\"}]}");
      assertEquals(201, rule.status(), rule.body());
      PantauProcess.Answer posted =
          app.post(
              "/api/articles",
              "application/json",
              "{\"url\":\""
                  + URL
                  + "\",\"title\":\"Harga ikan di Semarang naik\",\"body\":\""
                  + BODY
                  + "\",\"source\":\"durability.example\",\"published\":\"2025-06-16T08:00:00Z\","
                  + "\"lang\":\"id\"}");
      assertTrue(posted.status() == 201 || posted.status() == 202, posted.body());
      assertNotNull(hook.next(Duration.ofSeconds(60)), "the first alert");
      JsonNode first =
          app.awaitStatus(s -> s.get("journalPending").asLong() == 0, Duration.ofSeconds(60));
      assertEquals(1, first.get("indexed").asLong(), first.toString());
      app.close();

      // What a crash after indexing and alerting, before the record was marked done, leaves.
      try (IngestJournal journal =
          IngestJournal.open(root.resolve("pantau").resolve("journal"), 64L << 20)) {
        assertEquals(0, journal.recovered().size(), "a clean stop left nothing undone");
        journal.append(
            List.of(
                RawArticleCodec.encode(
                    new RawArticle(
                        URL,
                        "Harga ikan di Semarang naik",
                        BODY,
                        null,
                        "durability.example",
                        "2025-06-16T08:00:00Z",
                        "id",
                        Instant.now()))));
      }

      app.start();
      JsonNode replayed =
          app.awaitStatus(
              s -> s.get("journalPending").asLong() == 0 && s.get("duplicates").asLong() == 1,
              Duration.ofSeconds(120));
      assertEquals(1, replayed.get("recovered").asInt(), replayed.toString());
      assertEquals(1, replayed.get("duplicates").asLong(), replayed.toString());
      assertEquals(0, replayed.get("indexed").asLong(), replayed.toString());
      assertEquals(List.of(), hook.drain(Duration.ofSeconds(5)), "a second alert");
      Durability.assertIndexedExactlyOnce(es.hostAndPort(), 1);
      System.out.printf(
          "JournalReplayAlertIT: 1 article alerted once, replayed from the journal after a"
              + " restart: recovered %d, duplicates %d, alerts after the replay 0%n",
          replayed.get("recovered").asInt(), replayed.get("duplicates").asLong());
    } finally {
      app.close();
      es.stop();
      // About 120 MB of Elasticsearch per run; the node is stopped, so nothing writes there now.
      Durability.deleteTree(root);
    }
  }
}
