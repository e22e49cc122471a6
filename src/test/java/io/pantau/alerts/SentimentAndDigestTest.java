package io.pantau.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.pantau.testsupport.UsesDatabase;
import io.pantau.testsupport.WebhookReceiver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The {@code sentiment_shift} rule and the digest path, through ingest, enrichment, the index, the
 * database and a webhook receiver on loopback.
 */
@QuarkusTest
@UsesDatabase
@QuarkusTestResource(ElasticsearchResource.class)
class SentimentAndDigestTest {
  private static final String GOOD =
      "Laba bersih perusahaan melonjak, saham menguat ke rekor tertinggi dan kinerja sangat baik.";
  private static final String BAD =
      "Saham anjlok, investor rugi besar usai perusahaan bangkrut dan pelayanan sangat buruk.";

  @Inject RuleEvaluator evaluator;
  @Inject Notifier notifier;
  @Inject Alerts alerts;
  @Inject DbStoryLedger ledger;

  private static List<String> post(List<Map<String, Object>> articles) {
    return Api.asEditor()
        .contentType(ContentType.JSON)
        .body(articles)
        .queryParam("refresh", "wait_for")
        .post("/api/articles")
        .then()
        .statusCode(201)
        .extract()
        .path("items.id");
  }

  private static Map<String, Object> article(
      String tag, String kind, int n, String text, Instant published) {
    return Map.of(
        "url",
        "https://suasana.example/" + tag + "/" + kind + "/" + n,
        "title",
        "Kabar emiten " + tag + " nomor " + n,
        "body",
        text + " Laporan " + kind + " nomor " + n + " tentang " + tag + ".",
        "source",
        "suasana.example",
        "lang",
        "id",
        "published",
        published.toString());
  }

  private static AlertDraft draft(
      String name, String query, AlertType type, String hook, int digest) {
    return new AlertDraft(
        name,
        query,
        type,
        3.0,
        Duration.ofHours(1),
        6,
        5,
        List.of(new AlertChannel("webhook", hook, null)),
        true,
        null,
        digest);
  }

  @Test
  void steadySentimentStaysQuietAndASwingToBadNewsFiresOnce() throws Exception {
    String tag = "suasana" + UUID.randomUUID().toString().substring(0, 8);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (WebhookReceiver hook = new WebhookReceiver()) {
      AlertView rule =
          alerts.create(
              draft("Sentimen " + tag, tag, AlertType.sentiment_shift, hook.url(), 0), "test");
      // Good news in every hour: the six baseline hours and the last hour alike.
      List<Map<String, Object>> steady = new ArrayList<>();
      for (int h = 0; h <= 6; h++) {
        for (int i = 0; i < 5; i++) {
          steady.add(
              article(
                  tag, "good", 10 * h + i, GOOD, now.minus(Duration.ofMinutes(60L * h + 5 + i))));
        }
      }
      post(steady);
      evaluator.evaluateAll(now);
      assertEquals(List.of(), hook.drain(Duration.ofMillis(500)), "steady sentiment fired");

      List<Map<String, Object>> swing = new ArrayList<>();
      for (int i = 0; i < 15; i++) {
        swing.add(article(tag, "bad", i, BAD, now.minus(Duration.ofMinutes(20 + i))));
      }
      post(swing);
      evaluator.evaluateAll(now);
      evaluator.evaluateAll(now.plus(Duration.ofMinutes(10)));
      WebhookReceiver.Call call = hook.next(Duration.ofSeconds(5));
      assertNotNull(call, "the swing to bad news did not fire");
      JsonPath p = JsonPath.from(call.text());
      assertEquals("sentiment_shift", p.getString("kind"));
      assertEquals(rule.id(), p.getLong("rule.id"));
      assertEquals(20, p.getInt("stats.articles"));
      assertTrue(
          p.getDouble("stats.value") < p.getDouble("stats.baselineMean"),
          "the window's average should lie below the baseline: " + call.text());
      assertEquals(List.of(), hook.drain(Duration.ofMillis(800)), "fired twice in one window");
      assertEquals(1, alerts.events(rule.id(), 10).orElseThrow().size());
    }
  }

  @Test
  void aDigestRuleCollectsMatchesAndSendsThemInOneMessageWhenDue() throws Exception {
    String tag = "ringkas" + UUID.randomUUID().toString().substring(0, 8);
    try (WebhookReceiver hook = new WebhookReceiver()) {
      AlertView rule =
          alerts.create(draft("Ringkasan " + tag, tag, AlertType.match, hook.url(), 5), "test");
      Instant published = Instant.now().minusSeconds(300);
      List<String> ids = new ArrayList<>();
      ids.addAll(post(List.of(article(tag, "pasar", 1, GOOD, published))));
      ids.addAll(
          post(
              List.of(
                  Map.of(
                      "url",
                      "https://suasana.example/" + tag + "/banjir",
                      "title",
                      "Banjir merendam gudang " + tag,
                      "body",
                      "Hujan deras semalam membuat gudang " + tag + " di pelabuhan terendam.",
                      "source",
                      "suasana.example",
                      "lang",
                      "id",
                      "published",
                      published.toString()))));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (items(rule.id()) < 2 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(2, items(rule.id()), "both matches wait in the digest");
      assertEquals(List.of(), hook.drain(Duration.ofMillis(500)), "a digest rule sent at once");

      notifier.flushDigests(Instant.now());
      assertEquals(List.of(), hook.drain(Duration.ofMillis(500)), "the digest went out early");

      notifier.flushDigests(Instant.now().plus(Duration.ofMinutes(6)));
      WebhookReceiver.Call call = hook.next(Duration.ofSeconds(5));
      assertNotNull(call, "the due digest was not sent");
      JsonPath p = JsonPath.from(call.text());
      assertEquals("digest", p.getString("kind"));
      assertEquals(rule.id(), p.getLong("rule.id"));
      assertEquals(ids, p.getList("articles.id"));
      assertEquals(0, items(rule.id()), "sent items stay in the digest");

      notifier.flushDigests(Instant.now().plus(Duration.ofMinutes(12)));
      assertEquals(List.of(), hook.drain(Duration.ofMillis(800)), "the digest was sent twice");
      assertEquals(1, alerts.events(rule.id(), 10).orElseThrow().size());
    }
  }

  @Test
  void theLedgerClaimsAStoryForManyRulesAtOnceAndEachRuleOnlyOnce() {
    String tag = "klaim" + UUID.randomUUID().toString().substring(0, 8);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          alerts
              .create(
                  draft(
                      "Klaim " + i + " " + tag, tag, AlertType.match, "http://127.0.0.1:9/hook", 0),
                  "test")
              .id());
    }
    Instant now = Instant.now();
    assertEquals(
        java.util.Set.copyOf(ids), ledger.claimAll(ids, "story-" + tag, "a1", now), "first claims");
    assertEquals(
        java.util.Set.of(),
        ledger.claimAll(List.of(ids.get(1), ids.get(2), ids.get(2)), "story-" + tag, "a2", now),
        "the story was claimed already");
    assertEquals(
        java.util.Set.of(ids.get(0)),
        ledger.claimAll(List.of(ids.get(0), ids.get(0)), "other-" + tag, "a3", now),
        "another story, a rule named twice");
    assertEquals(false, ledger.claim(ids.get(0), "other-" + tag, "a4", now));
  }

  private static long items(long ruleId) {
    return QuarkusTransaction.requiringNew().call(() -> DigestItem.count("ruleId = ?1", ruleId));
  }
}
