package io.pantau.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.pantau.testsupport.UsesDatabase;
import io.pantau.testsupport.WebhookReceiver;
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

@QuarkusTest
@UsesDatabase
@QuarkusTestResource(ElasticsearchResource.class)
class VolumeSpikeTest {
  @Inject RuleEvaluator evaluator;
  @Inject Alerts alerts;

  private static void post(List<Map<String, Object>> articles) {
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(articles)
        .queryParam("refresh", "wait_for")
        .post("/api/articles")
        .then()
        .statusCode(201);
  }

  private static Map<String, Object> article(String tag, int n, Instant published) {
    return Map.of(
        "url",
        "https://lonjakan.example/" + tag + "/" + n,
        "title",
        "Harga beras naik " + tag + " " + n,
        "body",
        "Laporan nomor " + n + " tentang " + tag + " dan harga beras di pasar induk.",
        "source",
        "lonjakan.example",
        "lang",
        "id",
        "published",
        published.toString());
  }

  @Test
  void steadyVolumeStaysQuietAndASyntheticBurstFiresOnce() throws Exception {
    String tag = "lonjak" + UUID.randomUUID().toString().substring(0, 8);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (WebhookReceiver hook = new WebhookReceiver()) {
      AlertView rule =
          alerts.create(
              new AlertDraft(
                  "Lonjakan " + tag,
                  tag,
                  AlertType.volume_spike,
                  3.0,
                  Duration.ofHours(1),
                  6,
                  5,
                  List.of(new AlertChannel("webhook", hook.url(), null)),
                  true,
                  null,
                  null),
              "test");
      // Two articles an hour for the six baseline hours and the last hour.
      List<Map<String, Object>> steady = new ArrayList<>();
      for (int h = 0; h <= 6; h++) {
        steady.add(article(tag, 2 * h, now.minus(Duration.ofMinutes(60L * h + 20))));
        steady.add(article(tag, 2 * h + 1, now.minus(Duration.ofMinutes(60L * h + 40))));
      }
      post(steady);
      evaluator.evaluateAll(now);
      assertEquals(List.of(), hook.drain(Duration.ofMillis(500)), "steady volume fired");

      List<Map<String, Object>> burst = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        burst.add(article(tag, 100 + i, now.minus(Duration.ofMinutes(2 + i))));
      }
      post(burst);
      evaluator.evaluateAll(now);
      evaluator.evaluateAll(now.plus(Duration.ofMinutes(10)));
      WebhookReceiver.Call call = hook.next(Duration.ofSeconds(5));
      assertNotNull(call, "the burst did not fire");
      JsonPath p = JsonPath.from(call.text());
      assertEquals("volume_spike", p.getString("kind"));
      assertEquals(14, p.getInt("stats.articles"));
      assertEquals(2.0, p.getDouble("stats.baselineMean"), 1e-9);
      assertTrue(p.getList("articles").size() > 0);
      assertEquals(List.of(), hook.drain(Duration.ofMillis(800)), "fired twice in one window");
      assertEquals(1, alerts.events(rule.id(), 10).orElseThrow().size());
    }
  }
}
