package io.pantau.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.pantau.testsupport.UsesDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Dates that no partition can hold, or that would make one partition per article, through the real
 * API into the real Elasticsearch: refused at the door when the caller names them, taken as unknown
 * when a page does, and never at the cost of another article in the same request.
 */
@QuarkusTest
@UsesDatabase
@QuarkusTestResource(ElasticsearchResource.class)
class HostileDatesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BILLION = "+1000000000-01-01T00:00:00Z";

  @Test
  void aBulkWithPoisonedDatesIndexesEveryValidArticleAndRejectsOnlyThePoisonedOnes()
      throws Exception {
    String run = "poison-" + UUID.randomUUID().toString().substring(0, 8);
    Map<Integer, String[]> poisoned =
        Map.of(
            2, new String[] {"published", BILLION},
            4, new String[] {"fetchedAt", BILLION},
            6, new String[] {"published", "1850-03-01T00:00:00Z"},
            8, new String[] {"published", (Year.now(ZoneOffset.UTC).getValue() + 3) + "-01-01"});
    StringBuilder nd = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      ObjectNode a = article(run, i);
      String[] bad = poisoned.get(i);
      if (bad != null) {
        a.put(bad[0], bad[1]);
      }
      nd.append(a).append('\n');
    }

    JsonNode answer = bulk(nd.toString());

    JsonNode items = answer.get("items");
    assertEquals(12, items.size(), answer.toString());
    for (int i = 0; i < 12; i++) {
      JsonNode item = items.get(i);
      if (poisoned.containsKey(i)) {
        assertEquals("rejected", item.get("status").asText(), item.toString());
        String error = item.get("error").asText();
        assertTrue(error.startsWith(poisoned.get(i)[0] + " "), error);
        assertTrue(error.contains("outside the accepted dates 1990-01-01 to "), error);
      } else {
        assertEquals("indexed", item.get("status").asText(), item.toString());
      }
    }
    assertEquals(8, count(run), "every valid article of the request is stored");
  }

  @Test
  void aPageWhoseMetadataNamesAnImpossibleDateIsStoredWithItsFetchTime() throws Exception {
    String run = "meta-" + UUID.randomUUID().toString().substring(0, 8);
    for (String date : new String[] {BILLION, "1200-05-01T00:00:00Z"}) {
      String html =
          "<html><head><title>Harga cabai naik di pasar "
              + run
              + "</title><meta property=\"article:published_time\" content=\""
              + date
              + "\"></head><body><article><h1>Harga cabai naik di pasar "
              + run
              + "</h1><p>Pedagang di pasar induk melaporkan harga cabai merah naik tajam pekan ini"
              + " karena pasokan dari daerah sentra berkurang setelah hujan deras.</p><p>Dinas"
              + " perdagangan berjanji menggelar operasi pasar untuk menahan kenaikan harga"
              + " sebelum akhir bulan.</p></article></body></html>";
      String url = "https://hostile.example/" + run + "/" + date.hashCode();
      JsonNode answer =
          JSON.readTree(
              Api.asEditor()
                  .contentType("text/html")
                  .queryParam("url", url)
                  .queryParam("refresh", "wait_for")
                  .body(html.getBytes(StandardCharsets.UTF_8))
                  .post("/api/articles")
                  .then()
                  .extract()
                  .asString());
      JsonNode item = answer.get("items").get(0);
      assertEquals("indexed", item.get("status").asText(), answer.toString());
      JsonNode stored =
          JSON.readTree(
              Api.asViewer()
                  .get("/api/articles/" + item.get("id").asText())
                  .then()
                  .extract()
                  .asString());
      Instant published = Instant.parse(stored.get("published").asText());
      Instant fetched = Instant.parse(stored.get("fetched").asText());
      assertEquals(fetched, published, "the fetch time stands in: " + stored);
      assertEquals("estimated", stored.get("publishedPrecision").asText());
    }
  }

  @Test
  void aBulkNamingTwoHundredDistinctYearsCreatesNoPartition() throws Exception {
    String es = ElasticsearchResource.hostAndPort();
    String run = "years-" + UUID.randomUUID().toString().substring(0, 8);
    int before = partitions(es);
    StringBuilder nd = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      ObjectNode a = article(run, i);
      a.put("published", String.format("%04d-06-01T00:00:00Z", 1700 + i));
      nd.append(a).append('\n');
    }

    JsonNode answer = bulk(nd.toString());

    assertEquals(0, answer.get("accepted").asInt(), answer.toString());
    assertEquals(200, answer.get("rejected").asInt());
    assertEquals(before, partitions(es), "no partition made for the refused dates");
  }

  private static ObjectNode article(String run, int n) {
    ObjectNode a = JSON.createObjectNode();
    a.put("url", "https://hostile.example/" + run + "/" + n);
    a.put("title", "Laporan " + run + " nomor " + n + " tentang harga beras");
    a.put(
        "body",
        "Harga beras di pasar tradisional naik untuk laporan "
            + run
            + " nomor "
            + n
            + ". Pemerintah daerah berjanji memeriksa pasokan gudang minggu ini.");
    a.put("source", "hostile.example");
    a.put("published", "2025-06-16T08:00:00Z");
    a.put("lang", "id");
    return a;
  }

  private static JsonNode bulk(String ndjson) throws Exception {
    return JSON.readTree(
        Api.asEditor()
            .contentType("application/x-ndjson")
            .queryParam("refresh", "wait_for")
            .body(ndjson.getBytes(StandardCharsets.UTF_8))
            .post("/api/articles/_bulk")
            .then()
            .extract()
            .asString());
  }

  private static long count(String run) throws Exception {
    String es = ElasticsearchResource.hostAndPort();
    Durability.call(es, "POST", "/pantau-articles/_refresh", null);
    return Durability.call(
            es,
            "POST",
            "/pantau-articles/_count",
            "{\"query\":{\"prefix\":{\"url\":\"https://hostile.example/" + run + "/\"}}}")
        .get("count")
        .asLong();
  }

  private static int partitions(String es) throws Exception {
    return Durability.call(es, "GET", "/_cat/indices/pantau-articles-*?format=json", null).size();
  }
}
