package io.pantau.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pantau.index.node.EmbeddedElasticsearch;
import io.pantau.testsupport.PantauProcess;
import io.pantau.testsupport.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Matches still waiting in the alert matcher when Pantau stops, or is killed, are made at the next
 * start, each notified once: N articles, each its own story and each matching one webhook rule, are
 * indexed; Pantau is stopped (SIGTERM) or killed (SIGKILL) while the matcher is behind; after the
 * restart the receiver has had one alert for every article and none twice.
 */
class PendingMatchesIT {
  private static final int ARTICLES = 600;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void matchesPendingAtAnOrderlyStopAreEachNotifiedOnce() throws Exception {
    run("stop", false);
  }

  @Test
  void matchesCutShortByACrashAreEachNotifiedOnceAfterTheRestart() throws Exception {
    run("crash", true);
  }

  private static void run(String name, boolean crash) throws Exception {
    Path root = Durability.newDir("pantau-pending-it-");
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
      long ruleId = rule.json().get("id").asLong();
      PantauProcess.Answer posted =
          app.post("/api/articles/_bulk", "application/x-ndjson", distinctArticles(name));
      assertTrue(posted.status() == 201 || posted.status() == 202, posted.body());
      JsonNode indexed =
          app.awaitStatus(s -> s.get("indexed").asLong() == ARTICLES, Duration.ofSeconds(120));
      assertEquals(ARTICLES, indexed.get("indexed").asLong(), indexed.toString());
      if (crash) {
        app.kill();
      } else {
        app.close();
      }
      List<WebhookReceiver.Call> calls = new ArrayList<>(hook.drain(Duration.ofMillis(200)));
      int beforeRestart = calls.size();

      app.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
      // A receiver tells a retry from a new alert by its delivery id: count those per article.
      Map<String, Set<String>> perArticle = new TreeMap<>();
      calls.forEach(c -> count(perArticle, c));
      while (perArticle.size() < ARTICLES && System.nanoTime() < deadline) {
        WebhookReceiver.Call c = hook.next(Duration.ofSeconds(1));
        if (c != null) {
          calls.add(c);
          count(perArticle, c);
        }
      }
      // Anything late would be a second alert.
      for (WebhookReceiver.Call c : hook.drain(Duration.ofSeconds(5))) {
        calls.add(c);
        count(perArticle, c);
      }
      JsonNode events = app.get("/api/alerts/" + ruleId + "/events?limit=1000").json();
      long delivered = 0;
      for (JsonNode e : events) {
        delivered += e.get("status").asText().equals("delivered") ? 1 : 0;
      }
      String log = Files.readString(root.resolve("pantau").resolve("pantau-console.log"));
      System.out.printf(
          "PendingMatchesIT (%s): %d articles indexed, %d alerted before the %s, %d after the"
              + " restart; alerts per article: %d once, %d more than once; events %d (%d"
              + " delivered)%n",
          name,
          ARTICLES,
          beforeRestart,
          crash ? "kill" : "stop",
          calls.size() - beforeRestart,
          perArticle.values().stream().filter(d -> d.size() == 1).count(),
          perArticle.values().stream().filter(d -> d.size() > 1).count(),
          events.size(),
          delivered);
      assertTrue(
          !log.contains("EntityManagerFactory is closed"), "a match ran into the closed database");
      assertEquals(
          List.of(),
          perArticle.entrySet().stream().filter(e -> e.getValue().size() > 1).toList(),
          "articles alerted more than once");
      assertEquals(ARTICLES, perArticle.size(), "articles alerted");
      assertEquals(ARTICLES, events.size(), "one event per article");
      assertEquals(ARTICLES, delivered, "every event delivered");
    } finally {
      app.close();
      es.stop();
      Durability.deleteTree(root);
    }
  }

  private static void count(Map<String, Set<String>> perArticle, WebhookReceiver.Call c) {
    try {
      for (JsonNode a : JSON.readTree(c.body()).get("articles")) {
        perArticle.computeIfAbsent(a.get("url").asText(), u -> new HashSet<>()).add(c.delivery());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Articles with nothing in common but the word the rule looks for, so that each is a story of its
   * own and is notified on its own.
   */
  private static String distinctArticles(String path) {
    Random random = new Random(28);
    StringBuilder b = new StringBuilder();
    for (int n = 0; n < ARTICLES; n++) {
      StringBuilder body = new StringBuilder("Warga Semarang");
      for (int w = 0; w < 60; w++) {
        body.append(' ').append(word(random));
      }
      ObjectNode a = JSON.createObjectNode();
      a.put("url", "https://durability.example/" + path + "/" + n);
      a.put("title", "Kabar " + word(random) + " " + word(random) + " dari Semarang");
      a.put("body", body.append('.').toString());
      a.put("source", "durability.example");
      a.put("published", "2025-06-16T08:00:00Z");
      a.put("lang", "id");
      b.append(a).append('\n');
    }
    return b.toString();
  }

  private static String word(Random random) {
    String consonants = "bcdgjklmnprstw";
    String vowels = "aeiou";
    StringBuilder w = new StringBuilder();
    for (int s = 0; s < 3; s++) {
      w.append(consonants.charAt(random.nextInt(consonants.length())))
          .append(vowels.charAt(random.nextInt(vowels.length())));
    }
    return w.toString();
  }
}
