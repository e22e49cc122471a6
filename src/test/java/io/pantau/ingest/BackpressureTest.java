package io.pantau.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.pantau.testsupport.UsesDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Backpressure with a backlog bound of 30 articles while Elasticsearch refuses writes (a write
 * block on the article indices, so indexing fails and is retried): a bulk request that does not fit
 * is answered 429 with Retry-After and a problem body and leaves nothing behind, and the articles
 * accepted before it are all indexed exactly once when writes are allowed again.
 */
@QuarkusTest
@UsesDatabase
@QuarkusTestResource(ElasticsearchResource.class)
@TestProfile(BackpressureTest.SmallBacklog.class)
class BackpressureTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BOUND = 30;
  private static final int PER_REQUEST = 20;

  /** A backlog of 30 articles; quick answers and retries. */
  public static class SmallBacklog implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "pantau.ingest.queue-capacity", Integer.toString(BOUND),
          "pantau.ingest.sync-wait", "1s",
          "pantau.ingest.retry-backoff", "100ms",
          "pantau.ingest.max-retry-backoff", "500ms",
          "pantau.ingest.stuck-after", "2s");
    }
  }

  @Test
  void aBulkBeyondTheBoundGets429AndStoresNothingAndTheAcceptedOnesAreIndexedOnce()
      throws Exception {
    String es = ElasticsearchResource.hostAndPort();
    String run = "backpressure-" + UUID.randomUUID().toString().substring(0, 8);
    // One article first, so the month's index exists before writes are blocked.
    bulk(Durability.ndjson(run + "/warm", 0, 1));
    JsonNode idle = awaitStatus(s -> s.get("journalPending").asLong() == 0);
    assertEquals(BOUND, idle.get("backlogBound").asInt());

    Durability.call(es, "PUT", "/pantau-articles-*/_settings", "{\"index.blocks.write\":true}");
    JsonNode beforeRefusal;
    JsonNode afterRefusal;
    String retryAfter;
    try {
      Response first = bulk(Durability.ndjson(run + "/accepted", 0, PER_REQUEST));
      assertEquals(202, first.statusCode(), first.asString());
      assertEquals(PER_REQUEST, first.jsonPath().getInt("accepted"), first.asString());
      // The workers hold the 20 articles, retrying against the blocked index.
      beforeRefusal = awaitStatus(s -> s.get("retries").asLong() > 0);
      assertEquals(PER_REQUEST, beforeRefusal.get("journalPending").asLong(), "" + beforeRefusal);

      Response refused = bulk(Durability.ndjson(run + "/refused", 0, PER_REQUEST));
      assertEquals(429, refused.statusCode(), refused.asString());
      retryAfter = refused.header("Retry-After");
      assertTrue(retryAfter != null && Integer.parseInt(retryAfter) >= 1, "Retry-After seconds");
      assertTrue(
          refused.contentType().startsWith("application/problem+json"), refused.contentType());
      JsonNode problem = JSON.readTree(refused.asString());
      assertEquals(429, problem.get("status").asInt());
      assertTrue(problem.get("title").asText().length() > 0);
      assertTrue(
          problem.get("detail").asText().contains("nothing of this request was accepted"),
          problem.toString());
      afterRefusal = status();
      // Elasticsearch answers its health check all along; the writer's own check tells.
      JsonNode stuck = awaitStatus(s -> s.at("/writer/state").asText().equals("stuck"));
      assertTrue(stuck.at("/writer/retryingSince").isTextual(), "" + stuck);
      Response ready = Api.asViewer().get("/q/health/ready").then().extract().response();
      assertEquals(503, ready.statusCode(), ready.asString());
      assertTrue(ready.asString().contains("Ingest writer"), ready.asString());
      assertEquals(
          "stuck",
          JSON.readTree(ready.asString()).at("/checks").findParent("state").get("state").asText(),
          ready.asString());
      assertEquals(
          beforeRefusal.get("accepted").asLong(),
          afterRefusal.get("accepted").asLong(),
          "nothing of the refused request was accepted");
      assertEquals(PER_REQUEST, afterRefusal.get("journalPending").asLong(), "nothing journaled");
    } finally {
      Durability.call(es, "PUT", "/pantau-articles-*/_settings", "{\"index.blocks.write\":null}");
    }

    JsonNode drained =
        awaitStatus(s -> s.get("journalPending").asLong() == 0 && s.get("backlog").asInt() == 0);
    assertEquals("ok", drained.at("/writer/state").asText(), "" + drained);
    assertEquals(200, Api.asViewer().get("/q/health/ready").then().extract().statusCode());
    assertEquals(
        beforeRefusal.get("failed").asLong(), drained.get("failed").asLong(), "none failed");
    Durability.call(es, "POST", "/pantau-articles/_refresh", null);
    assertEquals(PER_REQUEST, count(es, run + "/accepted/"), "every accepted article is stored");
    assertEquals(0, count(es, run + "/refused/"), "nothing of the refused request is stored");
    JsonNode twice =
        Durability.call(
            es,
            "POST",
            "/pantau-articles/_search",
            "{\"size\":0,\"query\":{\"prefix\":{\"url\":\"https://durability.example/"
                + run
                + "/\"}},\"aggs\":{\"twice\":{\"terms\":{\"field\":\"url\",\"min_doc_count\":2}}}}");
    assertEquals(0, twice.at("/aggregations/twice/buckets").size(), "stored once: " + twice);
    System.out.printf(
        "BackpressureTest: bound %d, %d accepted and held while writes were blocked (%d retries),"
            + " %d refused with 429 (Retry-After: %s s); afterwards %d stored, 0 of the refused%n",
        BOUND,
        PER_REQUEST,
        afterRefusal.get("retries").asLong(),
        PER_REQUEST,
        retryAfter,
        count(es, run + "/accepted/"));
  }

  private static Response bulk(String ndjson) {
    return Api.asEditor()
        .contentType("application/x-ndjson")
        .body(ndjson.getBytes(StandardCharsets.UTF_8))
        .post("/api/articles/_bulk")
        .then()
        .extract()
        .response();
  }

  private static long count(String es, String urlPart) throws Exception {
    return Durability.call(
            es,
            "POST",
            "/pantau-articles/_count",
            "{\"query\":{\"prefix\":{\"url\":\"https://durability.example/" + urlPart + "\"}}}")
        .get("count")
        .asLong();
  }

  private static JsonNode status() throws Exception {
    return JSON.readTree(Api.asViewer().get("/api/ingest/status").then().extract().asString());
  }

  private static JsonNode awaitStatus(Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    JsonNode s = status();
    while (!done.test(s) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      s = status();
    }
    assertTrue(done.test(s), "ingest status never got there: " + s);
    return s;
  }
}
