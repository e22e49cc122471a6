package io.pantau.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.pantau.testsupport.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A bare word finds its inflections in the article's own language, and a quoted phrase only the
 * words as written: through the real API, the real Elasticsearch and the alert matcher. Each test
 * marks its articles with a word of its own, so other tests' articles never count.
 */
@QuarkusTest
@QuarkusTestResource(ElasticsearchResource.class)
class InflectionSearchTest {

  private static String tag() {
    return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  private static String store(String lang, String title, String body, String tag) {
    Map<String, Object> a = new HashMap<>();
    a.put("url", "https://berita.example/" + tag + "/" + UUID.randomUUID());
    a.put("title", title);
    a.put("body", body + " Kode " + tag + ".");
    a.put("source", "berita.example");
    a.put("lang", lang);
    a.put("published", Instant.now().minusSeconds(3600).toString());
    return Api.storeArticle(a);
  }

  private static Set<String> search(String q) {
    return Api.searchIds(q);
  }

  @Test
  void anIndonesianRootFindsItsAffixedFormsAndAnEnglishWordItsInflections() {
    String tag = tag();
    String kebanjiran =
        store("id", "Jakarta kebanjiran lagi", "Warga Kampung Melayu mengungsi ke masjid.", tag);
    String membanjiri =
        store("id", "Air laut membanjiri pesisir", "Rob datang saat bulan purnama.", tag);
    String banjirnya =
        store("id", "Warga menunggu banjirnya surut", "Bantuan makanan mulai tiba.", tag);
    String other = store("id", "Harga cabai naik", "Pedagang pasar mengeluh sepi pembeli.", tag);
    String floods =
        store("en", "Floods cut roads in Java", "Rescue teams reached three villages.", tag);
    String flooded =
        store("en", "River flooded the old town", "Shops stayed closed on Monday.", tag);

    assertEquals(
        new TreeSet<>(List.of(kebanjiran, membanjiri, banjirnya)), search("banjir " + tag));
    assertEquals(new TreeSet<>(List.of(floods, flooded)), search("flood " + tag));
    // Quotes mean the word as written.
    assertEquals(Set.of(), search("\"banjir\" " + tag));
    assertEquals(Set.of(banjirnya), search("\"banjirnya\" " + tag));
    // A prefix also reaches stems: membanjiri's stem starts with "banj".
    assertEquals(new TreeSet<>(List.of(kebanjiran, membanjiri, banjirnya)), search("banj* " + tag));
    assertEquals(Set.of(other), search(tag + " -banjir -flood"));
    // Analytics read the same compiled query.
    long counted =
        Api.asViewer()
            .queryParam("q", "banjir " + tag)
            .queryParam("interval", "day")
            .get("/api/analytics/volume")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("series[0].points.count", Long.class)
            .stream()
            .mapToLong(Long::longValue)
            .sum();
    assertEquals(3, counted);
  }

  @Test
  void aQuotedNameDoesNotFindItsWordsApart() {
    String tag = tag();
    String name =
        store("id", "Bank Indonesia menahan suku bunga", "Keputusan diambil rapat dewan.", tag);
    String apart =
        store("id", "Antre di bank di Indonesia timur", "Nasabah menunggu sejak pagi.", tag);
    assertEquals(Set.of(name), search("\"Bank Indonesia\" " + tag));
    assertEquals(new TreeSet<>(List.of(name, apart)), search("bank indonesia " + tag));
  }

  @Test
  void anAlertOnARootFiresForAnArticleTitledWithAnInflection() throws Exception {
    String tag = tag();
    try (WebhookReceiver hook = new WebhookReceiver()) {
      Map<String, Object> rule =
          Map.of(
              "name",
              "Banjir " + tag,
              "query",
              "banjir AND " + tag,
              "type",
              "match",
              "channels",
              List.of(Map.of("type", "webhook", "url", hook.url())),
              "enabled",
              true);
      Api.asEditor()
          .contentType(ContentType.JSON)
          .body(rule)
          .post("/api/alerts")
          .then()
          .statusCode(201);
      String id = store("id", "Jakarta kebanjiran", "Hujan semalam merendam lima kelurahan.", tag);
      WebhookReceiver.Call call = hook.next(Duration.ofSeconds(5));
      assertNotNull(call, "no alert within 5 s for an article titled 'Jakarta kebanjiran'");
      JsonPath payload = JsonPath.from(call.text());
      assertEquals(List.of(id), payload.getList("articles.id"));
      List<String> reasons = payload.getList("highlights.text");
      assertTrue(reasons.contains("banjir"), reasons.toString());
      assertEquals(
          List.of("kebanjiran"),
          payload.getList("highlights.find { it.text == 'banjir' }.inflections"));
    }
  }
}
