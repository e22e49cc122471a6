package io.pantau.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The analytics endpoints over a small corpus posted through the API. Expectations are derived from
 * the fixture (fields this test controls: source, lang, published, the words of the text) or
 * cross-checked against the search endpoint, never copied from an answer.
 */
@QuarkusTest
@QuarkusTestResource(ElasticsearchResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsApiTest {
  private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

  /** One posted article: the word its text is about, where and when it appeared. */
  record Fx(String word, String source, String lang, Instant published) {}

  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private final String srcA = "a-" + tag + ".example";
  private final String srcB = "b-" + tag + ".example";
  private final String both = srcA + "," + srcB;
  private final List<Fx> corpus = new ArrayList<>();

  /** Posts the corpus once, on first use (RestAssured knows the test port by then). */
  private synchronized void postCorpus() {
    if (!corpus.isEmpty()) {
      return;
    }
    add("banjir", srcA, "id", "2025-06-16T08:00:00Z");
    add("banjir", srcA, "id", "2025-06-16T09:00:00Z");
    add("banjir", srcA, "id", "2025-06-16T10:00:00Z");
    // 03:00 on the 17th in Jakarta: the day bucket it falls in moves with tz.
    add("banjir", srcA, "id", "2025-06-16T20:00:00Z");
    add("gempa", srcA, "id", "2025-06-17T09:00:00Z");
    add("gempa", srcA, "id", "2025-06-17T12:00:00Z");
    add("banjir", srcA, "id", "2025-06-18T10:00:00Z");
    add("gempa", srcA, "id", "2025-06-18T10:30:00Z");
    add("flood", srcB, "en", "2025-06-16T09:00:00Z");
    add("flood", srcB, "en", "2025-06-16T18:00:00Z");
    add("gempa", srcB, "en", "2025-06-18T11:00:00Z");
    add("flood", srcB, "en", "2025-06-18T23:30:00Z");
    List<Map<String, Object>> body = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      Fx f = corpus.get(i);
      boolean en = f.lang().equals("en");
      body.add(
          Map.of(
              "url",
              "https://" + f.source() + "/news/" + tag + "-" + i,
              "title",
              (en ? "Report on " : "Laporan ") + f.word() + " " + tag + " nomor " + i,
              "body",
              (en
                      ? "Residents described the " + f.word() + " in district " + i + "."
                      : "Warga bercerita tentang " + f.word() + " di wilayah " + i + ".")
                  + "\n\nCatatan "
                  + tag
                  + " ke-"
                  + i
                  + ".",
              "source",
              f.source(),
              "lang",
              f.lang(),
              "published",
              f.published().toString()));
    }
    List<String> statuses =
        Api.asEditor()
            .contentType(ContentType.JSON)
            .queryParam("refresh", "wait_for")
            .body(body)
            .post("/api/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("items.status");
    assertEquals(
        corpus.size(), statuses.stream().filter("indexed"::equals).count(), statuses.toString());
  }

  private void add(String word, String source, String lang, String published) {
    corpus.add(new Fx(word, source, lang, Instant.parse(published)));
  }

  private long count(Predicate<Fx> p) {
    return corpus.stream().filter(p).count();
  }

  private static LocalDate day(Instant t, ZoneId zone) {
    return LocalDate.ofInstant(t, zone);
  }

  private RequestSpecification viewer() {
    return Api.asViewer().queryParam("source", both);
  }

  private JsonPath ok(RequestSpecification r, String path) {
    return r.get("/api/analytics/" + path).then().statusCode(200).extract().jsonPath();
  }

  /** The total the search endpoint reports for the same filters. */
  private long searchTotal(Map<String, String> params) {
    RequestSpecification r = Api.asViewer().queryParam("size", "0");
    params.forEach(r::queryParam);
    return ((Number) r.get("/api/articles").then().statusCode(200).extract().path("total"))
        .longValue();
  }

  @Test
  void volumeComparesTwoQueriesPerUtcDayWithEmptyDaysAndSharesOfAllArticles() {
    postCorpus();
    JsonPath j =
        ok(
            viewer()
                .queryParam("q", "banjir", "gempa")
                .queryParam("from", "2025-06-15")
                .queryParam("to", "2025-06-20")
                .queryParam("interval", "day"),
            "volume");
    assertEquals("day", j.getString("interval"));
    assertEquals(List.of("banjir", "gempa"), j.getList("series.key"));
    for (int s = 0; s < 2; s++) {
      String word = s == 0 ? "banjir" : "gempa";
      List<Map<String, Object>> points = j.getList("series[" + s + "].points");
      assertEquals(5, points.size(), "one point per day of [from, to), empty days included");
      for (int k = 0; k < 5; k++) {
        LocalDate d = LocalDate.parse("2025-06-15").plusDays(k);
        Map<String, Object> p = points.get(k);
        assertEquals(d.atStartOfDay(ZoneOffset.UTC).toInstant().toString(), p.get("t"));
        long expected =
            count(f -> f.word().equals(word) && day(f.published(), ZoneOffset.UTC).equals(d));
        long all = count(f -> day(f.published(), ZoneOffset.UTC).equals(d));
        assertEquals(expected, ((Number) p.get("count")).longValue(), word + " on " + d);
        assertEquals(
            expected,
            searchTotal(
                Map.of(
                    "q",
                    word,
                    "source",
                    both,
                    "from",
                    d.toString(),
                    "to",
                    d.plusDays(1).toString())),
            "search agrees for " + word + " on " + d);
        assertEquals(
            all == 0 ? 0.0 : (double) expected / all,
            ((Number) p.get("share")).doubleValue(),
            1e-6);
      }
    }
    // The corpus makes the comparison meaningful: both series and an empty day occur.
    assertTrue(
        count(f -> f.word().equals("banjir")) > 0 && count(f -> f.word().equals("gempa")) > 0);
  }

  @Test
  void answersTellTheirServerTimeAndAnalyticsTheirElasticsearchShareOfIt() {
    postCorpus();
    String timing =
        viewer()
            .queryParam("from", "2025-06-16")
            .queryParam("to", "2025-06-19")
            .get("/api/analytics/sources")
            .then()
            .statusCode(200)
            .extract()
            .header("Server-Timing");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("es;dur=([0-9.]+), total;dur=([0-9.]+)").matcher(timing);
    assertTrue(m.matches(), timing);
    double es = Double.parseDouble(m.group(1));
    double total = Double.parseDouble(m.group(2));
    assertTrue(es > 0 && es <= total, timing);
    String plain =
        viewer().get("/api/ingest/status").then().statusCode(200).extract().header("Server-Timing");
    assertTrue(plain.matches("total;dur=[0-9.]+"), plain);
  }

  @Test
  void withoutQTheSeriesIsAllAndItsSharesAreOneOnDaysWithArticles() {
    postCorpus();
    JsonPath j =
        ok(viewer().queryParam("from", "2025-06-16").queryParam("to", "2025-06-19"), "volume");
    assertEquals(List.of("all"), j.getList("series.key"));
    List<Integer> counts = j.getList("series[0].points.count");
    assertEquals(
        corpus.size() - count(f -> !f.published().isBefore(Instant.parse("2025-06-19T00:00:00Z"))),
        counts.stream().mapToLong(Integer::longValue).sum());
    assertEquals(List.of(1.0f, 1.0f, 1.0f), j.getList("series[0].points.share"));
  }

  @Test
  void aDayBucketBoundaryMovesWithTheTimeZone() {
    postCorpus();
    JsonPath utc =
        ok(viewer().queryParam("from", "2025-06-16").queryParam("to", "2025-06-19"), "volume");
    JsonPath jkt =
        ok(
            viewer()
                .queryParam("from", "2025-06-16")
                .queryParam("to", "2025-06-19")
                .queryParam("tz", "Asia/Jakarta"),
            "volume");
    // Dates mean the start of the day in tz, and so do bucket keys (reported in UTC).
    assertEquals(
        List.of("2025-06-15T17:00:00Z", "2025-06-16T17:00:00Z", "2025-06-17T17:00:00Z"),
        jkt.getList("series[0].points.t"));
    for (int k = 0; k < 3; k++) {
      LocalDate d = LocalDate.parse("2025-06-16").plusDays(k);
      assertEquals(
          count(f -> day(f.published(), JAKARTA).equals(d)),
          jkt.getLong("series[0].points[" + k + "].count"),
          "Jakarta " + d);
      assertEquals(
          count(f -> day(f.published(), ZoneOffset.UTC).equals(d)),
          utc.getLong("series[0].points[" + k + "].count"),
          "UTC " + d);
    }
    // 2025-06-16T20:00Z is the 16th in UTC and the 17th in Jakarta.
    assertNotEquals(
        utc.getLong("series[0].points[1].count"), jkt.getLong("series[0].points[1].count"));
  }

  @Test
  void hourWeekAndMonthIntervalsBucketByTheCalendar() {
    postCorpus();
    JsonPath hour =
        ok(
            viewer()
                .queryParam("from", "2025-06-16T08:00:00Z")
                .queryParam("to", "2025-06-16T11:00:00Z")
                .queryParam("interval", "hour"),
            "volume");
    assertEquals(
        List.of("2025-06-16T08:00:00Z", "2025-06-16T09:00:00Z", "2025-06-16T10:00:00Z"),
        hour.getList("series[0].points.t"));
    for (int k = 0; k < 3; k++) {
      Instant start = Instant.parse("2025-06-16T08:00:00Z").plusSeconds(3600L * k);
      assertEquals(
          count(
              f ->
                  !f.published().isBefore(start)
                      && f.published().isBefore(start.plusSeconds(3600))),
          hour.getLong("series[0].points[" + k + "].count"));
    }
    JsonPath week =
        ok(
            viewer()
                .queryParam("from", "2025-06-16")
                .queryParam("to", "2025-06-30")
                .queryParam("interval", "week"),
            "volume");
    assertEquals(
        List.of("2025-06-16T00:00:00Z", "2025-06-23T00:00:00Z"),
        week.getList("series[0].points.t"));
    assertEquals(List.of(corpus.size(), 0), week.getList("series[0].points.count"));
    JsonPath month =
        ok(
            viewer()
                .queryParam("from", "2025-06-01")
                .queryParam("to", "2025-08-01")
                .queryParam("interval", "month")
                .queryParam("lang", "en"),
            "volume");
    assertEquals(
        List.of("2025-06-01T00:00:00Z", "2025-07-01T00:00:00Z"),
        month.getList("series[0].points.t"));
    assertEquals(
        List.of((int) count(f -> f.lang().equals("en")), 0),
        month.getList("series[0].points.count"));
  }

  @Test
  void storiesCountDistinctStoryIdsAsTheSearchEndpointReportsThem() {
    postCorpus();
    JsonPath j =
        ok(
            viewer()
                .queryParam("from", "2025-06-15")
                .queryParam("to", "2025-06-20")
                .queryParam("q", "banjir")
                .queryParam("unit", "stories"),
            "volume");
    assertEquals("stories", j.getString("unit"));
    List<Map<String, Object>> items =
        Api.asViewer()
            .queryParam("source", both)
            .queryParam("size", "200")
            .get("/api/articles")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items");
    assertEquals(corpus.size(), items.size());
    for (int k = 0; k < 5; k++) {
      LocalDate d = LocalDate.parse("2025-06-15").plusDays(k);
      Set<Object> all = new HashSet<>();
      Set<Object> banjir = new HashSet<>();
      for (Map<String, Object> a : items) {
        if (a.get("storyId") == null
            || !day(Instant.parse((String) a.get("published")), ZoneOffset.UTC).equals(d)) {
          continue;
        }
        all.add(a.get("storyId"));
        if (((String) a.get("title")).contains("banjir")) {
          banjir.add(a.get("storyId"));
        }
      }
      assertEquals(banjir.size(), j.getLong("series[0].points[" + k + "].count"), d.toString());
      assertEquals(
          all.isEmpty() ? 0.0 : (double) banjir.size() / all.size(),
          j.getDouble("series[0].points[" + k + "].share"),
          1e-6);
    }
  }

  @Test
  void sourcesAndLanguagesCountTheFilteredArticlesWithShares() {
    postCorpus();
    JsonPath s =
        ok(viewer().queryParam("from", "2025-06-15").queryParam("to", "2025-06-20"), "sources");
    assertEquals(corpus.size(), s.getLong("total"));
    assertEquals(List.of(srcA, srcB), s.getList("items.source"));
    for (int k = 0; k < 2; k++) {
      String src = k == 0 ? srcA : srcB;
      long n = count(f -> f.source().equals(src));
      assertEquals(n, s.getLong("items[" + k + "].count"));
      assertEquals(n, searchTotal(Map.of("source", src)));
      assertEquals((double) n / corpus.size(), s.getDouble("items[" + k + "].share"), 1e-6);
    }
    JsonPath banjir =
        ok(
            viewer()
                .queryParam("from", "2025-06-15")
                .queryParam("to", "2025-06-20")
                .queryParam("q", "banjir")
                .queryParam("size", "1"),
            "sources");
    assertEquals(count(f -> f.word().equals("banjir")), banjir.getLong("total"));
    assertEquals(List.of(srcA), banjir.getList("items.source"));
    assertEquals(1.0, banjir.getDouble("items[0].share"), 1e-6);

    JsonPath l =
        ok(viewer().queryParam("from", "2025-06-15").queryParam("to", "2025-06-20"), "languages");
    assertEquals(List.of("id", "en"), l.getList("items.lang"));
    for (int k = 0; k < 2; k++) {
      String lang = k == 0 ? "id" : "en";
      assertEquals(count(f -> f.lang().equals(lang)), l.getLong("items[" + k + "].count"));
      assertEquals(
          l.getLong("items[" + k + "].count"), searchTotal(Map.of("source", both, "lang", lang)));
    }
  }

  @Test
  void sentimentAgreesWithTheStoredArticlesWhateverTheEnrichmentGave() {
    postCorpus();
    JsonPath j =
        ok(viewer().queryParam("from", "2025-06-16").queryParam("to", "2025-06-19"), "sentiment");
    List<Map<String, Object>> items =
        Api.asViewer()
            .queryParam("source", both)
            .queryParam("size", "200")
            .get("/api/articles")
            .then()
            .extract()
            .jsonPath()
            .getList("items");
    long scored = 0;
    for (int k = 0; k < 3; k++) {
      LocalDate d = LocalDate.parse("2025-06-16").plusDays(k);
      List<Map<String, Object>> ofDay =
          items.stream()
              .filter(
                  a -> day(Instant.parse((String) a.get("published")), ZoneOffset.UTC).equals(d))
              .toList();
      assertEquals(ofDay.size(), j.getLong("points[" + k + "].count"));
      Map<String, Long> labels = new HashMap<>();
      double sum = 0;
      int n = 0;
      for (Map<String, Object> a : ofDay) {
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) a.get("sentiment");
        if (s != null) {
          labels.merge((String) s.get("label"), 1L, Long::sum);
          sum += ((Number) s.get("score")).doubleValue();
          n++;
        }
      }
      scored += n;
      for (String label : List.of("positive", "neutral", "negative")) {
        assertEquals(labels.getOrDefault(label, 0L), j.getLong("points[" + k + "]." + label));
        assertEquals(
            labels.getOrDefault(label, 0L),
            searchTotal(
                Map.of(
                    "source",
                    both,
                    "sentiment",
                    label,
                    "from",
                    d.toString(),
                    "to",
                    d.plusDays(1).toString())));
      }
      if (n == 0) {
        assertNull(j.get("points[" + k + "].avg"));
      } else {
        assertEquals(sum / n, j.getDouble("points[" + k + "].avg"), 1e-4);
      }
    }
    List<Integer> bands = j.getList("distribution.count");
    assertEquals(10, bands.size());
    assertEquals(scored, bands.stream().mapToLong(Integer::longValue).sum());
    assertEquals(-1.0f, j.getFloat("distribution[0].from"));
    assertEquals(1.0f, j.getFloat("distribution[9].to"));
  }

  @Test
  void keywordsAndEntitiesAreTheMostFrequentValuesOfTheStoredArticles() {
    postCorpus();
    List<Map<String, Object>> items =
        Api.asViewer()
            .queryParam("source", both)
            .queryParam("size", "200")
            .get("/api/articles")
            .then()
            .extract()
            .jsonPath()
            .getList("items");
    Map<String, String> paths =
        Map.of(
            "keywords?field=keyphrases", "keyphrases",
            "keywords?field=keywords", "keywords",
            "entities?type=person", "entities.persons",
            "entities?type=organization", "entities.organizations",
            "entities?type=place", "entities.places");
    for (Map.Entry<String, String> e : paths.entrySet()) {
      Map<String, Long> expected = new LinkedHashMap<>();
      for (Map<String, Object> a : items) {
        for (Object v : values(a, e.getValue())) {
          expected.merge((String) v, 1L, Long::sum);
        }
      }
      List<Map.Entry<String, Long>> top =
          expected.entrySet().stream()
              .sorted(
                  Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                      .thenComparing(Map.Entry.comparingByKey()))
              .limit(5)
              .toList();
      JsonPath j =
          ok(
              viewer()
                  .queryParam("from", "2025-06-15")
                  .queryParam("to", "2025-06-20")
                  .queryParam("size", "5"),
              e.getKey());
      String name = e.getKey().startsWith("keywords") ? "term" : "name";
      assertEquals(
          top.stream().map(Map.Entry::getKey).toList(), j.getList("items." + name), e.getKey());
      assertEquals(
          top.stream().map(x -> x.getValue().intValue()).toList(),
          j.getList("items.count"),
          e.getKey());
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> values(Map<String, Object> article, String path) {
    Object v = article;
    for (String part : path.split("\\.")) {
      v = v == null ? null : ((Map<String, Object>) v).get(part);
    }
    return v == null ? List.of() : (List<Object>) v;
  }

  @Test
  void malformedRequestsAreRefusedWithAProblemSayingWhatToFix() {
    postCorpus();
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("volume?interval=minute", "interval must be one of hour, day, week, month");
    bad.put("volume?unit=pages", "unit must be one of articles, stories");
    bad.put("keywords?size=0", "size must be between 1 and 200");
    bad.put("keywords?size=201", "size must be between 1 and 200");
    bad.put("sources?size=many", "size must be a whole number");
    bad.put("keywords?field=title", "field must be one of keyphrases, keywords");
    bad.put("entities?type=animal", "type must be one of person, organization, place");
    bad.put("languages?tz=Mars/Olympus", "tz must be an IANA time zone");
    bad.put("sources?from=yesterday", "from must be an ISO-8601 date or instant");
    bad.put("sources?from=2025-06-20&to=2025-06-10", "from must be before to");
    bad.put("trending?q=(banjir", "q: expected \")\"");
    bad.put("keywords?q=banjir&q=gempa", "only /api/analytics/volume compares several");
    bad.put(
        "volume?interval=hour&from=2024-01-01&to=2025-06-01",
        "choose a longer interval or a shorter period");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      Api.asViewer()
          .get("/api/analytics/" + e.getKey())
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("status", equalTo(400))
          .body("detail", containsString(e.getValue()));
    }
  }

  @Test
  void analyticsNeedAKeyAndTheRollupNeedsAnEditor() {
    postCorpus();
    io.restassured.RestAssured.given().get("/api/analytics/languages").then().statusCode(401);
    Api.asViewer()
        .post("/api/analytics/trends/_rollup?from=2025-06-16&to=2025-06-17")
        .then()
        .statusCode(403);
  }
}
