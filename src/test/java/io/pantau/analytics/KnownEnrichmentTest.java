package io.pantau.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.pantau.index.IndexNames;
import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Trending, keywords, entities, sentiment and the trends rollup over documents whose enrichment
 * this test writes itself, straight into an article partition, so that every figure can be worked
 * out by hand. The documents sit in July 2030, which no other test uses.
 */
@QuarkusTest
@QuarkusTestResource(ElasticsearchResource.class)
class KnownEnrichmentTest {
  private static final String PARTITION = IndexNames.ARTICLES + "-analytics-test";

  /** One stored article with the enrichment the analytics count. */
  record Doc(
      String id,
      Instant published,
      List<String> keyphrases,
      List<String> persons,
      double score,
      String label) {}

  @Inject ElasticsearchClient es;

  private static final String SOURCE_TAG = "known-" + UUID.randomUUID().toString().substring(0, 8);
  private static final List<Doc> docs = new ArrayList<>();
  private static boolean indexed;
  private final String source = SOURCE_TAG;

  /** Indexes the fixture once, on first use (RestAssured and injection are ready by then). */
  private void indexDocs() {
    synchronized (KnownEnrichmentTest.class) {
      try {
        indexOnce();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private void indexOnce() throws IOException {
    if (indexed) {
      return;
    }
    indexed = true;
    // Previous period [07-01, 07-08): alpha in 1 of 10, beta in 5 of 10.
    for (int i = 0; i < 10; i++) {
      List<String> k = new ArrayList<>();
      if (i == 0) {
        k.add("alpha");
      }
      if (i < 5) {
        k.add("beta");
      }
      docs.add(
          doc(
              "p" + i,
              Instant.parse("2030-07-02T10:00:00Z").plusSeconds(86_400L * (i % 5)),
              k,
              List.of("Sri Mulyani"),
              0.5,
              "positive"));
    }
    // Period [07-08, 07-15): alpha in 6 of 10, beta in 5 of 10, gamma in 2 of 10.
    for (int i = 0; i < 10; i++) {
      List<String> k = new ArrayList<>();
      if (i < 6) {
        k.add("alpha");
      }
      if (i < 5) {
        k.add("beta");
      }
      if (i >= 8) {
        k.add("gamma");
      }
      List<String> persons =
          i < 3
              ? List.of("Prabowo Subianto", "Sri Mulyani")
              : i < 7 ? List.of("Sri Mulyani") : List.of();
      // Scores fall one in each 0.2 band, away from the band edges.
      double score = -0.95 + 0.21 * i;
      String label = i == 4 ? "neutral" : score < 0 ? "negative" : "positive";
      docs.add(
          doc(
              "c" + i,
              Instant.parse("2030-07-09T10:00:00Z").plusSeconds(86_400L * (i % 5)),
              k,
              persons,
              score,
              label));
    }
    // The cluster does not create indices on write; the template gives this one the mapping.
    if (!es.indices().exists(e -> e.index(PARTITION)).value()) {
      es.indices().create(c -> c.index(PARTITION));
    }
    BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
    for (Doc d : docs) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", d.id());
      body.put("source", source);
      body.put("lang", "id");
      body.put("published", d.published().toString());
      body.put("keyphrases", d.keyphrases());
      body.put("keywords", List.of());
      body.put(
          "entities",
          Map.of("persons", d.persons(), "organizations", List.of(), "places", List.of()));
      body.put("sentiment", Map.of("score", d.score(), "label", d.label(), "confidence", 0.9));
      body.put("storyId", "story-" + d.id());
      bulk.operations(op -> op.index(x -> x.index(PARTITION).id(d.id()).document(body)));
    }
    var response = es.bulk(bulk.build());
    assertFalse(
        response.errors(),
        () ->
            response.items().stream()
                .filter(i -> i.error() != null)
                .map(i -> i.error().type() + ": " + i.error().reason())
                .findFirst()
                .orElse(""));
  }

  private Doc doc(
      String id,
      Instant published,
      List<String> k,
      List<String> persons,
      double score,
      String label) {
    return new Doc(source + "-" + id, published, List.copyOf(k), persons, score, label);
  }

  private JsonPath get(String path) {
    return Api.asViewer()
        .queryParam("source", source)
        .queryParam("from", "2030-07-08")
        .queryParam("to", "2030-07-15")
        .get("/api/analytics/" + path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private long inPeriod(Predicate<Doc> p) {
    Instant from = Instant.parse("2030-07-08T00:00:00Z");
    Instant to = Instant.parse("2030-07-15T00:00:00Z");
    return docs.stream()
        .filter(d -> !d.published().isBefore(from) && d.published().isBefore(to))
        .filter(p)
        .count();
  }

  /** Elasticsearch's own count of this test's period documents with {@code field = value}. */
  private long esCount(String field, String value) throws IOException {
    return es.count(
            c ->
                c.index(IndexNames.ARTICLES)
                    .query(
                        q ->
                            q.bool(
                                b ->
                                    b.filter(f -> f.term(t -> t.field("source").value(source)))
                                        .filter(f -> f.term(t -> t.field(field).value(value)))
                                        .filter(
                                            f ->
                                                f.range(
                                                    r ->
                                                        r.untyped(
                                                            u ->
                                                                u.field("published")
                                                                    .gte(
                                                                        co.elastic.clients.json
                                                                            .JsonData.of(
                                                                            "2030-07-08T00:00:00Z"))
                                                                    .lt(
                                                                        co.elastic.clients.json
                                                                            .JsonData.of(
                                                                            "2030-07-15T00:00:00Z"))))))))
        .count();
  }

  @Test
  void trendingScoresMatchTheFormulaWorkedOutByHand() {
    indexDocs();
    JsonPath j = get("trending?size=10");
    assertEquals(10, j.getLong("total"));
    assertEquals(10, j.getLong("previousTotal"));
    assertEquals("2030-07-01T00:00:00Z", j.getString("previousFrom"));
    // alpha: 6 of 10 now, 1 of 10 before: 6 * ln((7/11) / (2/11)) = 6 * ln 3.5.
    // gamma: 2 of 10 now, 0 before: 2 * ln((3/11) / (1/11)) = 2 * ln 3.
    // beta: 5 of 10 both times: ln 1 = 0, so it is not trending.
    assertEquals(List.of("alpha", "gamma"), j.getList("items.term"));
    assertEquals(List.of(6, 2), j.getList("items.count"));
    assertEquals(List.of(1, 0), j.getList("items.previousCount"));
    assertEquals(6 * Math.log(3.5), j.getDouble("items[0].score"), 1e-6);
    assertEquals(2 * Math.log(3.0), j.getDouble("items[1].score"), 1e-6);
    assertEquals(List.of("alpha"), get("trending?size=1").getList("items.term"));
  }

  @Test
  void keywordsAndEntitiesAgreeWithElasticsearchCounts() throws IOException {
    indexDocs();
    JsonPath k = get("keywords?size=10");
    assertEquals(List.of("alpha", "beta", "gamma"), k.getList("items.term"));
    for (int i = 0; i < 3; i++) {
      String term = k.getString("items[" + i + "].term");
      assertEquals(
          inPeriod(d -> d.keyphrases().contains(term)), k.getLong("items[" + i + "].count"));
      assertEquals(esCount("keyphrases", term), k.getLong("items[" + i + "].count"));
    }
    assertEquals(List.of(), get("keywords?field=keywords").getList("items"));
    JsonPath p = get("entities?type=person");
    assertEquals(List.of("Sri Mulyani", "Prabowo Subianto"), p.getList("items.name"));
    for (int i = 0; i < 2; i++) {
      String name = p.getString("items[" + i + "].name");
      assertEquals(inPeriod(d -> d.persons().contains(name)), p.getLong("items[" + i + "].count"));
      assertEquals(esCount("entities.persons", name), p.getLong("items[" + i + "].count"));
    }
    assertEquals(List.of(), get("entities?type=place").getList("items"));
    JsonPath q =
        Api.asViewer()
            .queryParam("source", source)
            .queryParam("from", "2030-07-08")
            .queryParam("to", "2030-07-15")
            .queryParam("q", "keyword:gamma OR person:\"Prabowo Subianto\"")
            .get("/api/analytics/keywords")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    // c0..c2 (alpha, beta, Prabowo) and c8, c9 (gamma) match.
    assertEquals(List.of("alpha", "beta", "gamma"), q.getList("items.term"), "q narrows them");
    assertEquals(List.of(3, 3, 2), q.getList("items.count"));
  }

  @Test
  void sentimentPerDayAndItsDistributionFollowTheStoredScores() {
    indexDocs();
    JsonPath j = get("sentiment?interval=day");
    assertEquals(7, j.getList("points").size());
    for (int k = 0; k < 7; k++) {
      LocalDate day = LocalDate.parse("2030-07-08").plusDays(k);
      List<Doc> of =
          docs.stream()
              .filter(d -> LocalDate.ofInstant(d.published(), ZoneOffset.UTC).equals(day))
              .toList();
      assertEquals(of.size(), j.getLong("points[" + k + "].count"), day.toString());
      for (String label : List.of("positive", "neutral", "negative")) {
        assertEquals(
            of.stream().filter(d -> d.label().equals(label)).count(),
            j.getLong("points[" + k + "]." + label));
      }
      if (of.isEmpty()) {
        assertNull(j.get("points[" + k + "].avg"));
      } else {
        double avg = of.stream().mapToDouble(d -> (float) d.score()).average().orElseThrow();
        assertEquals(avg, j.getDouble("points[" + k + "].avg"), 1e-6, day.toString());
      }
    }
    List<Integer> bands = j.getList("distribution.count");
    for (int b = 0; b < 10; b++) {
      int band = b;
      assertEquals(
          inPeriod(d -> Math.min(9, (int) Math.floor((d.score() + 1) / 0.2)) == band),
          bands.get(b).longValue(),
          "band " + b);
    }
  }

  @Test
  void theRollupWritesOneDocumentPerKindAndTermOfTheDayWithTheFigures() throws IOException {
    indexDocs();
    LocalDate day = LocalDate.parse("2030-07-13");
    Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = start.plusSeconds(86_400);
    Instant refStart = start.minusSeconds(7 * 86_400L);
    // The expected documents, from the fixture: count on the day, count in the 7 days before.
    Map<String, long[]> expected = new LinkedHashMap<>();
    Map<String, double[]> sentiment = new HashMap<>();
    long n = 0;
    long m = 0;
    for (Doc d : docs) {
      boolean cur = !d.published().isBefore(start) && d.published().isBefore(end);
      boolean prev = !d.published().isBefore(refStart) && d.published().isBefore(start);
      n += cur ? 1 : 0;
      m += prev ? 1 : 0;
      List<String> keys = new ArrayList<>();
      d.keyphrases().forEach(t -> keys.add("keyword|" + t));
      d.persons().forEach(t -> keys.add("person|" + t));
      keys.add("source|" + source);
      for (String key : keys) {
        long[] c = expected.computeIfAbsent(key, x -> new long[2]);
        c[0] += cur ? 1 : 0;
        c[1] += prev ? 1 : 0;
        if (cur) {
          double[] s = sentiment.computeIfAbsent(key, x -> new double[2]);
          s[0] += (float) d.score();
          s[1]++;
        }
      }
    }
    expected.values().removeIf(c -> c[0] == 0);
    assertTrue(n > 0 && m > 0 && expected.size() > 2, "the fixture exercises the rollup");

    JsonPath r =
        Api.asEditor()
            .post("/api/analytics/trends/_rollup?from=2030-07-13&to=2030-07-14")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(1, r.getInt("days"));
    assertEquals(expected.size() + 1, r.getLong("written"), "one per term and one for all");

    Map<String, Map<String, Object>> stored = trendsOf(start);
    assertEquals(expected.size() + 1, stored.size());
    Map<String, Object> all = stored.get("all|*|2030-07-13");
    assertEquals(n, ((Number) all.get("count")).longValue());
    assertEquals(1.0, ((Number) all.get("share")).doubleValue(), 1e-6);
    assertEquals("2030-07-13T00:00:00Z", all.get("day"));
    for (Map.Entry<String, long[]> e : expected.entrySet()) {
      String id = e.getKey() + "|2030-07-13";
      Map<String, Object> t = stored.get(id);
      long c = e.getValue()[0];
      long p = e.getValue()[1];
      assertEquals(c, ((Number) t.get("count")).longValue(), id);
      assertEquals((double) c / n, ((Number) t.get("share")).doubleValue(), 1e-6, id);
      double score = c * Math.log(((c + 1.0) / (n + 1.0)) / ((p + 1.0) / (m + 1.0)));
      assertEquals(score, ((Number) t.get("trendingScore")).doubleValue(), 1e-4, id);
      double[] s = sentiment.get(e.getKey());
      assertEquals(s[0] / s[1], ((Number) t.get("avgSentiment")).doubleValue(), 1e-4, id);
    }

    // A rerun overwrites; a term that no longer occurs that day loses its document.
    String gone =
        docs.stream()
            .filter(
                d ->
                    d.keyphrases().contains("gamma")
                        && !d.published().isBefore(start)
                        && d.published().isBefore(end))
            .map(Doc::id)
            .findFirst()
            .orElseThrow();
    assertTrue(stored.containsKey("keyword|gamma|2030-07-13"));
    es.delete(x -> x.index(PARTITION).id(gone).refresh(Refresh.True));
    JsonPath again =
        Api.asEditor()
            .post("/api/analytics/trends/_rollup?from=2030-07-13&to=2030-07-14")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(again.getLong("deleted") >= 1);
    assertFalse(trendsOf(start).containsKey("keyword|gamma|2030-07-13"));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Map<String, Object>> trendsOf(Instant day) throws IOException {
    Map<String, Map<String, Object>> out = new HashMap<>();
    for (Hit<Map> h :
        es.search(
                s ->
                    s.index(IndexNames.TRENDS)
                        .size(1000)
                        .query(q -> q.term(t -> t.field("day").value(day.toString()))),
                Map.class)
            .hits()
            .hits()) {
      out.put(h.id(), (Map<String, Object>) h.source());
      assertEquals(h.id(), h.source().get("id"));
    }
    return out;
  }
}
