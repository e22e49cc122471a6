package io.pantau.dashboards;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every dashboard panel's query, as Kibana would send it, against the real Elasticsearch that
 * Pantau's tests use, over articles posted through Pantau's API plus enriched fixture articles and
 * trend rollups written straight to indices matched by the data views.
 */
@QuarkusTest
@QuarkusTestResource(ElasticsearchResource.class)
class DashboardQueriesTest {
  // Matched by the data views' pantau-articles* and pantau-trends*, but not by Pantau's own
  // pantau-articles-* template and alias, so Pantau's searches in other tests never see them.
  private static final String ARTICLES_FIXTURE = "pantau-articlesfixture-dashboards";
  private static final String TRENDS_FIXTURE = "pantau-trends-fixture-dashboards";
  private static final String FROM = "2025-06-01T00:00:00Z";
  private static final String TO = "2025-07-01T00:00:00Z";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static boolean loaded;

  private final Bundle bundle = Bundle.committed();

  private static synchronized void loadFixtures() throws IOException, InterruptedException {
    if (loaded) {
      return;
    }
    postThroughTheApi();
    String mapping = Resources.text(FieldTypes.ARTICLES);
    createIndex(ARTICLES_FIXTURE, mapping);
    bulk(ARTICLES_FIXTURE, enrichedArticles());
    createIndex(TRENDS_FIXTURE, Resources.text(FieldTypes.TRENDS));
    bulk(TRENDS_FIXTURE, trends());
    loaded = true;
  }

  @AfterAll
  static void dropFixtureIndices() throws IOException, InterruptedException {
    for (String index : List.of(ARTICLES_FIXTURE, TRENDS_FIXTURE)) {
      es("DELETE", index + "?ignore_unavailable=true", null);
    }
  }

  // Pantau's own ingest: identity, storyId, source, language, publication time, rights default.
  private static void postThroughTheApi() {
    String[][] articles = {
      {"kompas.example", "id", "2025-06-10T08:00:00Z", "Banjir melanda Semarang"},
      {"detik.example", "id", "2025-06-11T09:30:00Z", "Harga beras naik lagi"},
      {"jakartapost.example", "en", "2025-06-12T10:00:00Z", "Floods hit Semarang again"},
    };
    for (String[] a : articles) {
      Api.asEditor()
          .contentType(ContentType.JSON)
          .queryParam("refresh", "wait_for")
          .body(
              Map.of(
                  "url", "https://" + a[0] + "/dashboards/" + a[2].substring(0, 10),
                  "title", a[3],
                  "body", a[3] + ". Warga dan pemerintah kota membahas dampaknya hari ini.",
                  "source", a[0],
                  "lang", a[1],
                  "published", a[2]))
          .post("/api/articles")
          .then()
          .statusCode(anyOf(is(201), is(202)));
    }
  }

  // What the enrichment pipeline adds (entities, keyphrases, sentiment, rights, syndication),
  // written as documents of Pantau's strict mapping.
  private static List<ObjectNode> enrichedArticles() {
    List<ObjectNode> docs = new ArrayList<>();
    Object[][] rows = {
      // source, publisher, day, lang, story, score, aiUse, person, organization, place, phrase
      {
        "antaranews.example",
        "Antara",
        "10",
        "id",
        "story-banjir",
        -0.6,
        "prohibited",
        "Joko Widodo",
        "BNPB",
        "Semarang",
        "banjir bandang"
      },
      {
        "kompas.example",
        "Antara",
        "10",
        "id",
        "story-banjir",
        -0.4,
        "prohibited",
        "Joko Widodo",
        "BNPB",
        "Semarang",
        "banjir bandang"
      },
      {
        "detik.example",
        "Antara",
        "11",
        "id",
        "story-banjir",
        -0.5,
        "unknown",
        "Ganjar Pranowo",
        "BNPB",
        "Jawa Tengah",
        "banjir bandang"
      },
      {
        "kompas.example",
        "Kompas",
        "11",
        "id",
        "story-beras",
        0.3,
        "allowed",
        "Prabowo Subianto",
        "Bulog",
        "Jakarta",
        "harga beras"
      },
      {
        "tempo.example",
        "Tempo",
        "12",
        "id",
        "story-beras",
        0.5,
        "unknown",
        "Prabowo Subianto",
        "Bulog",
        "Jakarta",
        "harga beras"
      },
      {
        "jakartapost.example",
        "Reuters",
        "12",
        "en",
        "story-rice",
        0.7,
        "prohibited",
        "Prabowo Subianto",
        "World Bank",
        "Jakarta",
        "rice prices"
      },
    };
    int n = 0;
    for (Object[] r : rows) {
      n++;
      ObjectNode d = Bundle.JSON.createObjectNode();
      String id = "dashboards-fixture-" + n;
      double score = (Double) r[5];
      d.put("id", id).put("url", "https://" + r[0] + "/" + id).put("title", r[10] + " " + n);
      d.put("body", "Fixture article " + n + " about " + r[10] + ".");
      d.put("source", (String) r[0]).put("publisher", (String) r[1]);
      d.put("published", "2025-06-" + r[2] + "T07:00:00Z").put("lang", (String) r[3]);
      d.put("storyId", (String) r[4]).put("wordCount", 6);
      d.putObject("rights").put("aiUse", (String) r[6]).put("holder", (String) r[1]);
      d.putArray("keywords").add(((String) r[10]).split(" ")[0]);
      d.putArray("keyphrases").add((String) r[10]);
      ObjectNode e = d.putObject("entities");
      e.putArray("persons").add((String) r[7]);
      e.putArray("organizations").add((String) r[8]);
      e.putArray("places").add((String) r[9]);
      String label = score < -0.2 ? "negative" : score > 0.2 ? "positive" : "neutral";
      d.putObject("sentiment").put("score", score).put("label", label).put("confidence", 0.8);
      docs.add(d);
    }
    return docs;
  }

  private static List<ObjectNode> trends() {
    List<ObjectNode> docs = new ArrayList<>();
    String[][] rows = {
      {"10", "keyword", "banjir", "12", "2.5"},
      {"11", "keyword", "banjir", "20", "3.1"},
      {"12", "keyword", "beras", "9", "1.4"},
      {"12", "person", "Prabowo Subianto", "15", "4.0"},
      {"12", "all", "all", "60", "0"},
    };
    for (String[] r : rows) {
      ObjectNode d = Bundle.JSON.createObjectNode();
      d.put("day", "2025-06-" + r[0]).put("kind", r[1]).put("term", r[2]);
      d.put("count", Long.parseLong(r[3])).put("share", 0.1).put("avgSentiment", -0.1);
      d.put("trendingScore", Double.parseDouble(r[4]));
      docs.add(d);
    }
    return docs;
  }

  @Test
  void everyLensLayerReturnsBucketsAndValuesFromElasticsearch() throws Exception {
    loadFixtures();
    List<String> checked = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (JsonNode lens : bundle.ofType("lens")) {
      String id = lens.path("id").asText();
      JsonNode state = lens.path("attributes").path("state");
      for (Map.Entry<String, JsonNode> layer : Bundle.layers(lens).entrySet()) {
        JsonNode view = bundle.dataViewOfLayer(lens, layer.getKey()).path("attributes");
        LensQuery q = new LensQuery(layer.getValue());
        ObjectNode body =
            q.request(
                view.path("timeFieldName").asText(),
                FROM,
                TO,
                state.path("query").path("query").asText());
        JsonNode answer = search(view.path("title").asText(), body, id);
        // Every panel is reported, not only the first that fails.
        if (q.outerBuckets(answer.path("aggregations")) == 0 || !q.hasCompleteRow(answer)) {
          failures.add(id + ": no complete row in " + body + " -> " + answer);
        }
        checked.add(id);
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(bundle.ofType("lens").size(), checked.size());
  }

  @Test
  void theSavedSearchFindsTheMostNegativeArticlesFirst() throws Exception {
    loadFixtures();
    for (JsonNode s : bundle.ofType("search")) {
      JsonNode a = s.path("attributes");
      JsonNode source =
          Bundle.parse(a.path("kibanaSavedObjectMeta").path("searchSourceJSON").asText(), "search");
      String view = s.path("references").path(0).path("id").asText();
      JsonNode dv = bundle.get("index-pattern", view).path("attributes");
      ObjectNode body = Bundle.JSON.createObjectNode().put("size", 10);
      ObjectNode bool = body.putObject("query").putObject("bool");
      bool.putArray("filter")
          .addObject()
          .putObject("range")
          .putObject(dv.path("timeFieldName").asText())
          .put("gte", FROM)
          .put("lte", TO);
      bool.withArray("filter")
          .addObject()
          .putObject("query_string")
          .put("query", source.path("query").path("query").asText());
      for (JsonNode sort : a.path("sort")) {
        body.withArray("sort").addObject().put(sort.path(0).asText(), sort.path(1).asText());
      }
      a.path("columns").forEach(c -> body.withArray("_source").add(c.asText()));
      JsonNode hits = search(dv.path("title").asText(), body, s.path("id").asText()).path("hits");
      assertTrue(hits.path("hits").size() > 0, "the saved search finds articles");
      double previous = -2;
      for (JsonNode h : hits.path("hits")) {
        double score = h.path("_source").path("sentiment").path("score").asDouble();
        assertEquals("negative", h.path("_source").path("sentiment").path("label").asText());
        assertTrue(score >= previous, "sorted from the most negative");
        previous = score;
      }
    }
  }

  @Test
  void elasticsearchReportsEveryDashboardFieldAsAggregatableWithOneType() throws Exception {
    loadFixtures();
    Map<String, Set<String>> byPattern = usedFields();
    assertFalse(byPattern.isEmpty());
    for (Map.Entry<String, Set<String>> e : byPattern.entrySet()) {
      String pattern = e.getKey();
      JsonNode resolved = es("GET", "_resolve/index/" + pattern, null);
      assertTrue(resolved.path("indices").size() > 0, pattern + " matches no index");
      String fields = URLEncoder.encode(String.join(",", e.getValue()), StandardCharsets.UTF_8);
      JsonNode caps = es("GET", pattern + "/_field_caps?fields=" + fields, null).path("fields");
      for (String field : e.getValue()) {
        JsonNode types = caps.path(field);
        assertEquals(1, types.size(), pattern + " " + field + " has one type: " + types);
        JsonNode only = types.elements().next();
        assertTrue(only.path("aggregatable").asBoolean(), pattern + " " + field + " aggregatable");
      }
    }
  }

  // Every field a Lens column, saved-search sort or control uses, by data view pattern.
  private Map<String, Set<String>> usedFields() {
    Map<String, Set<String>> out = new TreeMap<>();
    for (JsonNode lens : bundle.ofType("lens")) {
      for (Map.Entry<String, JsonNode> layer : Bundle.layers(lens).entrySet()) {
        String pattern =
            bundle.dataViewOfLayer(lens, layer.getKey()).path("attributes").path("title").asText();
        Set<String> fields = out.computeIfAbsent(pattern, k -> new LinkedHashSet<>());
        fields.add(
            bundle
                .dataViewOfLayer(lens, layer.getKey())
                .path("attributes")
                .path("timeFieldName")
                .asText());
        layer
            .getValue()
            .path("columns")
            .forEach(
                c -> {
                  String f = c.path("sourceField").asText();
                  if (!f.equals(Lens.RECORDS)) {
                    fields.add(f);
                  }
                });
      }
    }
    Set<String> articles = out.computeIfAbsent("pantau-articles*", k -> new LinkedHashSet<>());
    articles.addAll(List.of("source", "lang"));
    bundle
        .ofType("search")
        .forEach(
            s -> s.path("attributes").path("sort").forEach(x -> articles.add(x.path(0).asText())));
    return out;
  }

  private static JsonNode search(String index, ObjectNode body, String what)
      throws IOException, InterruptedException {
    JsonNode answer = es("POST", index + "/_search?allow_partial_search_results=false", body);
    assertEquals(0, answer.path("_shards").path("failed").asInt(-1), what + ": " + answer);
    assertTrue(answer.path("hits").path("total").path("value").asLong() > 0, what + ": no hits");
    return answer;
  }

  private static void createIndex(String index, String mapping)
      throws IOException, InterruptedException {
    es("DELETE", index + "?ignore_unavailable=true", null);
    ObjectNode body = Bundle.JSON.createObjectNode();
    body.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", 0);
    body.set("mappings", Bundle.parse(mapping, "mapping"));
    es("PUT", index, body);
  }

  private static void bulk(String index, List<ObjectNode> docs)
      throws IOException, InterruptedException {
    StringBuilder sb = new StringBuilder();
    for (ObjectNode d : docs) {
      sb.append("{\"index\":{}}\n").append(d).append('\n');
    }
    HttpResponse<String> r =
        send("POST", index + "/_bulk?refresh=true", sb.toString(), "application/x-ndjson");
    JsonNode answer = Bundle.parse(r.body(), "bulk answer");
    assertFalse(answer.path("errors").asBoolean(true), "bulk into " + index + ": " + r.body());
  }

  private static JsonNode es(String method, String path, JsonNode body)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        send(method, path, body == null ? null : body.toString(), "application/json");
    assertTrue(r.statusCode() < 300, method + " " + path + ": " + r.statusCode() + " " + r.body());
    return Bundle.parse(r.body(), method + " " + path);
  }

  private static HttpResponse<String> send(String method, String path, String body, String type)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create("http://" + ElasticsearchResource.hostAndPort() + "/" + path))
            .header("Content-Type", type);
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
