package io.pantau.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ElasticsearchResource.class)
class ArticleApiTest {

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** A short flood report in the given language (the language is detected from the text). */
  private static Map<String, Object> article(
      String tag, String source, String lang, String published) {
    boolean en = lang.equals("en");
    String body =
        en
            ? "Heavy rain since the morning made the river overflow in the city of "
                + tag
                + ".\n\nResidents moved to the nearest school and volunteers handed out food"
                + " while the water kept rising through the afternoon."
            : "Hujan deras sejak pagi membuat sungai meluap di kota "
                + tag
                + ".\n\nWarga mengungsi ke sekolah terdekat dan relawan membagikan makanan"
                + " sementara air terus naik hingga sore hari.";
    return Map.of(
        "url", "https://" + source + "/news/" + tag,
        "title", (en ? "Floods hit the city of " : "Banjir melanda kota ") + tag,
        "body", body,
        "source", source,
        "lang", lang,
        "published", published);
  }

  @Test
  void postingTheSameArticleTwiceGivesTheSameIdAndReportsTheDuplicate() {
    Map<String, Object> a = article(unique(), "kompas.example", "id", "2025-06-16T08:00:00Z");
    String id =
        Api.asEditor()
            .contentType(ContentType.JSON)
            .body(a)
            .queryParam("refresh", "wait_for")
            .post("/api/articles")
            .then()
            .statusCode(201)
            .body("items", hasSize(1))
            .body("items[0].status", equalTo("indexed"))
            .extract()
            .path("items[0].id");
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(a)
        .post("/api/articles")
        .then()
        .statusCode(201)
        .body("items[0].id", equalTo(id))
        .body("items[0].status", equalTo("duplicate"));
    // Tracking parameters and a trailing slash do not change identity.
    Map<String, Object> same = new java.util.HashMap<>(a);
    same.put("url", a.get("url") + "/?utm_source=feed");
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(same)
        .post("/api/articles")
        .then()
        .statusCode(201)
        .body("items[0].id", equalTo(id))
        .body("items[0].status", equalTo("duplicate"));
  }

  @Test
  void theSeedPostedAsJsonIsStoredAndReadBackById() throws IOException {
    Path seed = Api.shared("seeds/000_aefdfa188da5bb0c.txt").orElse(null);
    Assumptions.assumeTrue(seed != null, "../shared/seeds is absent; skipping the seed round trip");
    String text = Files.readString(seed);
    String id = Api.storeArticle(Map.of("body", text, "source", "rakyatnews.example"));
    Api.asViewer()
        .get("/api/articles/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("source", equalTo("rakyatnews.example"))
        .body("title", equalTo("China dan Kazakhstan tingkatkan hubungan demi pembangunan global"))
        .body("rights.aiUse", equalTo("prohibited"))
        .body("rights.holder", equalTo("ANTARA"))
        // The notice forbids AI use: by default only a snippet of the text is stored ...
        .body("body", org.hamcrest.Matchers.startsWith("Presiden China Xi Jinping"))
        .body("body.length()", org.hamcrest.Matchers.lessThan(320))
        // ... while the article is still analysed and counted in full.
        .body("wordCount", org.hamcrest.Matchers.greaterThan(500))
        .body("lang", equalTo("id"))
        .body("entities.persons", org.hamcrest.Matchers.hasItem("Xi Jinping"))
        .body("entities.places", org.hamcrest.Matchers.hasItems("Astana", "Kazakhstan", "Tianjin"))
        .body("dateline.place", equalTo("Astana"))
        // per-entity tone, stored as a nested field and read back
        .body("entitySentiment.find { it.name == 'Xi Jinping' }.type", equalTo("person"))
        .body(
            "entitySentiment.find { it.name == 'Xi Jinping' }.mentions",
            org.hamcrest.Matchers.greaterThan(1))
        .body("entitySentiment.find { it.name == 'PBB' }.type", equalTo("organization"))
        .body("languages", org.hamcrest.Matchers.empty())
        .body("publisher", equalTo("ANTARA"))
        .body("published", equalTo("2025-06-16T00:00:00Z"))
        .body("storyId", notNullValue());
    Api.asViewer()
        .queryParam("q", "\"tetangga yang ramah\"")
        .queryParam("source", "rakyatnews.example")
        .get("/api/articles")
        .then()
        .body("items.id", org.hamcrest.Matchers.hasItem(id));
  }

  @Test
  void rawTextIsAcceptedWithItsQueryParameters() {
    String tag = unique();
    String id =
        Api.asEditor()
            .contentType("text/plain; charset=UTF-8")
            .queryParam("url", "https://aggregator.example/a/" + tag)
            .queryParam("source", "aggregator.example")
            .queryParam("fetchedAt", "2025-09-16T08:00:00Z")
            .queryParam("refresh", "wait_for")
            .body(
                "Judul berita " + tag + "\n\nIsi berita pertama tentang pasar.\n\nParagraf kedua.")
            .post("/api/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("items[0].id");
    Api.asViewer()
        .get("/api/articles/" + id)
        .then()
        .statusCode(200)
        .body("url", equalTo("https://aggregator.example/a/" + tag))
        .body("canonicalUrl", equalTo("https://aggregator.example/a/" + tag))
        .body("source", equalTo("aggregator.example"))
        .body("fetched", equalTo("2025-09-16T08:00:00Z"));
  }

  @Test
  void invalidArticlesAreRefusedWithAProblemNamingTheField() {
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "no text"))
        .post("/api/articles")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("detail", containsString("body or html"));
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(Map.of("body", "text", "published", "last tuesday"))
        .post("/api/articles")
        .then()
        .statusCode(400)
        .body("detail", containsString("published"));
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(Map.of("body", "text", "url", "ftp://x"))
        .post("/api/articles")
        .then()
        .statusCode(400)
        .body("errors[0].message", containsString("url"));
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body("{\"body\": ")
        .post("/api/articles")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("not valid JSON"));
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(Map.of("body", 42))
        .post("/api/articles")
        .then()
        .statusCode(400)
        .body("detail", containsString("body must be a string"));
  }

  @Test
  void anArrayWithOneBadItemStoresTheGoodOnesAndReportsTheBadOne() {
    String tag = unique();
    List<Object> array =
        List.of(
            article(tag + "a", "detik.example", "id", "2025-06-01T00:00:00Z"),
            Map.of("title", "missing text"),
            article(tag + "b", "detik.example", "id", "2025-06-02T00:00:00Z"));
    JsonPath r =
        Api.asEditor()
            .contentType(ContentType.JSON)
            .body(array)
            .post("/api/articles")
            .then()
            .statusCode(201)
            .body("items", hasSize(3))
            .extract()
            .jsonPath();
    assertEquals("indexed", r.getString("items[0].status"));
    assertEquals("rejected", r.getString("items[1].status"));
    assertTrue(r.getString("items[1].error").contains("body or html"));
    assertEquals("indexed", r.getString("items[2].status"));
  }

  @Test
  void callsWithoutAValidKeyAre401AndWithTooLowARoleAre403() {
    given()
        .get("/api/articles")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("title", equalTo("Unauthorized"));
    given()
        .header("X-API-Key", "not-a-key")
        .get("/api/articles")
        .then()
        .statusCode(401)
        .body("detail", containsString("not valid"));
    Api.asViewer()
        .contentType(ContentType.JSON)
        .body(article(unique(), "x.example", "id", "2025-06-01T00:00:00Z"))
        .post("/api/articles")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("editor"));
    Api.asEditor().get("/api/keys").then().statusCode(403);
  }

  @Test
  void aBodyOverTheLimitIs413() {
    String big = "x".repeat(Params.MAX_REQUEST_BYTES + 10);
    Api.asEditor()
        .contentType("text/plain")
        .body(big)
        .post("/api/articles")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("detail", containsString("_bulk"));
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(Map.of("body", "y".repeat(2_000_001)))
        .post("/api/articles")
        .then()
        .statusCode(400)
        .body("detail", containsString("longer than"));
  }

  @Test
  void bulkWithABadLineInTheMiddleStoresTheGoodLinesAndReportsTheBadOne() {
    String tag = unique();
    StringBuilder nd = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      nd.append(
              toJson(
                  article(
                      tag + "-" + i, "bulk.example", "en", "2025-07-0" + (i + 1) + "T10:00:00Z")))
          .append('\n');
      if (i == 2) {
        nd.append("{not json\n");
      }
    }
    JsonPath r =
        Api.asEditor()
            .contentType("application/x-ndjson")
            .queryParam("refresh", "wait_for")
            .body(nd.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .post("/api/articles/_bulk")
            .then()
            .statusCode(201)
            .body("accepted", equalTo(5))
            .body("rejected", equalTo(1))
            .body("items", hasSize(6))
            .extract()
            .jsonPath();
    assertEquals("rejected", r.getString("items[3].status"));
    assertEquals(4, r.getInt("items[3].line"));
    assertEquals("indexed", r.getString("items[4].status"));
    Api.asViewer()
        .queryParam("source", "bulk.example")
        .queryParam("q", tag + "-3")
        .get("/api/articles")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].url", equalTo("https://bulk.example/news/" + tag + "-3"));
    Api.asViewer()
        .queryParam("source", "BULK.example")
        .queryParam("q", "floods " + tag + "*")
        .get("/api/articles")
        .then()
        .statusCode(200);
  }

  @Test
  void searchFiltersBySourceLanguageAndPeriod() {
    String tag = unique();
    String src = "filter-" + tag + ".example";
    List<Object> array =
        List.of(
            article(tag + "1", src, "id", "2025-03-01T00:00:00Z"),
            article(tag + "2", src, "en", "2025-03-15T00:00:00Z"),
            article(tag + "3", src, "id", "2025-04-20T00:00:00Z"));
    Api.asEditor()
        .contentType(ContentType.JSON)
        .queryParam("refresh", "true")
        .body(array)
        .post("/api/articles")
        .then()
        .statusCode(201)
        .body("items.status", everyItem(is("indexed")));
    Api.asViewer().queryParam("source", src).get("/api/articles").then().body("total", equalTo(3));
    Api.asViewer()
        .queryParam("source", src)
        .queryParam("lang", "id")
        .get("/api/articles")
        .then()
        .body("total", equalTo(2))
        .body("items.lang", everyItem(is("id")));
    JsonPath period =
        Api.asViewer()
            .queryParam("source", src)
            .queryParam("from", "2025-03-10")
            .queryParam("to", "2025-04-01")
            .get("/api/articles")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(1, period.getInt("total"));
    assertEquals("2025-03-15T00:00:00Z", period.getString("items[0].published"));
    // Newest first, and paging.
    JsonPath page =
        Api.asViewer()
            .queryParam("source", src)
            .queryParam("size", 1)
            .queryParam("page", 1)
            .get("/api/articles")
            .then()
            .extract()
            .jsonPath();
    assertEquals(3, page.getInt("total"));
    assertEquals("2025-03-15T00:00:00Z", page.getString("items[0].published"));
    Api.asViewer()
        .queryParam("from", "2025-05-01")
        .queryParam("to", "2025-04-01")
        .get("/api/articles")
        .then()
        .statusCode(400)
        .body("detail", containsString("from must be before to"));
    Api.asViewer().queryParam("size", "lots").get("/api/articles").then().statusCode(400);
    Api.asViewer().queryParam("sentiment", "angry").get("/api/articles").then().statusCode(400);
  }

  @Test
  void searchUsesTheQueryLanguageAndRefusesMalformedQueries() {
    String tag = unique();
    String src = "q-" + tag + ".example";
    Api.asEditor()
        .contentType(ContentType.JSON)
        .queryParam("refresh", "true")
        .body(
            List.of(
                Map.of(
                    "url",
                    "https://" + src + "/1",
                    "source",
                    src,
                    "title",
                    "Tokayev di Astana",
                    "body",
                    "Presiden Kazakhstan bertemu mitra dari Tiongkok di Astana."),
                Map.of(
                    "url",
                    "https://" + src + "/2",
                    "source",
                    src,
                    "title",
                    "Harga beras naik",
                    "body",
                    "Harga beras di pasar Jakarta naik tajam minggu ini."),
                Map.of(
                    "url",
                    "https://" + src + "/3",
                    "source",
                    src,
                    "title",
                    "Ekspor ke Tiongkok",
                    "body",
                    "Ekspor nikel ke Tiongkok dan Kazakhstan tumbuh.")))
        .post("/api/articles")
        .then()
        .statusCode(201);
    Api.asViewer()
        .queryParam("source", src)
        .queryParam("q", "\"Kazakhstan\" AND (China OR Tiongkok)")
        .get("/api/articles")
        .then()
        .statusCode(200)
        .body("total", equalTo(2));
    Api.asViewer()
        .queryParam("source", src)
        .queryParam("q", "title:astana")
        .get("/api/articles")
        .then()
        .body("total", equalTo(1))
        .body("items[0].title", equalTo("Tokayev di Astana"));
    Api.asViewer()
        .queryParam("source", src)
        .queryParam("q", "-kazakhstan")
        .get("/api/articles")
        .then()
        .body("total", equalTo(1))
        .body("items[0].title", equalTo("Harga beras naik"));
    Api.asViewer()
        .queryParam("source", src)
        .queryParam("q", "ekspo* NEAR/3 nikel")
        .get("/api/articles")
        .then()
        .body("total", equalTo(1));
    Api.asViewer()
        .queryParam("q", "(kazakhstan OR")
        .get("/api/articles")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("at "));
  }

  @Test
  void aSyndicatedCopySharesTheStoryOfItsOriginalAndAnUnrelatedStoryDoesNot() throws IOException {
    String original = postSeedFile("001_rakyatnews_antara_id_neraca-dagang.txt");
    String copy = postSeedFile("002_kabarkini_antara_id_neraca-dagang-salinan.txt");
    String other = postSeedFile("003_kompas_id_banjir-demak.txt");
    JsonPath a = Api.asViewer().get("/api/articles/" + original).then().extract().jsonPath();
    JsonPath b = Api.asViewer().get("/api/articles/" + copy).then().extract().jsonPath();
    String story = a.getString("storyId");
    assertEquals(story, b.getString("storyId"), "the copy is in the original's story");
    // Whichever of the two was stored first is the one the other names as its original.
    List<String> links =
        java.util.Arrays.asList(a.getString("duplicateOf"), b.getString("duplicateOf"));
    assertTrue(
        links.equals(java.util.Arrays.asList(null, original))
            || links.equals(java.util.Arrays.asList(copy, null)),
        "exactly one names the other: " + links);
    Api.asViewer()
        .get("/api/articles/" + other)
        .then()
        .body("storyId", org.hamcrest.Matchers.not(equalTo(story)))
        .body("duplicateOf", nullValue());
    Api.asViewer()
        .queryParam("q", "story:" + story)
        .get("/api/articles")
        .then()
        .body("items.id", org.hamcrest.Matchers.hasItems(original, copy));
  }

  private static String postSeedFile(String name) throws IOException {
    io.pantau.article.RawArticle raw =
        io.pantau.ingest.ArticleFiles.read(Path.of("seeds", "raw", name));
    Map<String, Object> json = new java.util.HashMap<>();
    json.put("url", raw.url());
    json.put("source", raw.source());
    json.put("body", raw.body() != null ? raw.body() : raw.html());
    if (raw.fetchedAt() != null) {
      json.put("fetchedAt", raw.fetchedAt().toString());
    }
    json.values().removeIf(java.util.Objects::isNull);
    return Api.asEditor()
        .contentType(ContentType.JSON)
        .queryParam("refresh", "wait_for")
        .body(json)
        .post("/api/articles")
        .then()
        .statusCode(201)
        .extract()
        .path("items[0].id");
  }

  @Test
  void unknownIdIs404Problem() {
    Api.asViewer()
        .get("/api/articles/ffffffffffffffff")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }

  @Test
  void ingestMetricsCountIndexedDuplicateAndRejectedArticles() {
    double indexed0 = metric("pantau_articles_ingested_total");
    double dup0 = metric("pantau_articles_duplicate_total");
    double rej0 = metric("pantau_articles_rejected_total");
    Map<String, Object> a = article(unique(), "metrics.example", "id", "2025-06-01T00:00:00Z");
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(a)
        .post("/api/articles")
        .then()
        .statusCode(201);
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(a)
        .post("/api/articles")
        .then()
        .statusCode(201);
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(List.of(Map.of("body", "ok " + unique()), Map.of("title", "bad")))
        .post("/api/articles")
        .then()
        .statusCode(201);
    assertEquals(indexed0 + 2, metric("pantau_articles_ingested_total"));
    assertEquals(dup0 + 1, metric("pantau_articles_duplicate_total"));
    assertEquals(rej0 + 1, metric("pantau_articles_rejected_total"));
    String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertTrue(text.contains("pantau_bulk_batch_size_count"), "batch size summary exported");
    assertTrue(text.contains("pantau_index_latency_seconds_count"), "index latency timer exported");
  }

  @Test
  void enrichReturnsTheArticleWithoutStoringIt() {
    String tag = unique();
    Api.asViewer()
        .contentType(ContentType.JSON)
        .body(article(tag, "enrich.example", "id", "2025-06-01T00:00:00Z"))
        .post("/api/enrich")
        .then()
        .statusCode(200)
        .body("id", notNullValue())
        .body("title", containsString(tag))
        .body("wordCount", org.hamcrest.Matchers.greaterThan(10));
    Api.asViewer()
        .queryParam("source", "enrich.example")
        .get("/api/articles")
        .then()
        .body("total", equalTo(0))
        .body("items", hasSize(0));
  }

  static double metric(String name) {
    String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
    for (String line : text.split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }

  private static String toJson(Map<String, Object> m) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(m);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void differentArticlesGetDifferentIds() {
    String a =
        Api.asEditor()
            .contentType(ContentType.JSON)
            .body(Map.of("body", "one " + unique()))
            .post("/api/articles")
            .then()
            .extract()
            .path("items[0].id");
    String b =
        Api.asEditor()
            .contentType(ContentType.JSON)
            .body(Map.of("body", "two " + unique()))
            .post("/api/articles")
            .then()
            .extract()
            .path("items[0].id");
    assertNotEquals(a, b);
    assertTrue(a.matches("[0-9a-f]{16}"), a);
  }

  @Test
  void unknownPathsAreProblems() {
    Api.asViewer().get("/api/nothing-here").then().statusCode(404).body("status", equalTo(404));
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    given()
        .get("/q/health/ready")
        .then()
        .body("checks.find { it.name == 'Elasticsearch' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'Elasticsearch' }.data.embedded", equalTo(false))
        .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
    Api.asViewer()
        .get("/api/articles/" + "a".repeat(100))
        .then()
        .statusCode(400)
        .body("errors", nullValue());
  }
}
