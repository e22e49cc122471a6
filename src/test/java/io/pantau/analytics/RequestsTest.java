package io.pantau.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.query.QueryNode;
import io.pantau.query.QueryParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The request shapes, read back as the JSON the client sends. */
class RequestsTest {
  private static final Instant FROM = Instant.parse("2025-06-16T00:00:00Z");
  private static final Instant TO = Instant.parse("2025-06-19T00:00:00Z");
  private static final Window W = new Window(FROM, TO);

  private static JsonNode json(SearchRequest r) throws Exception {
    return new ObjectMapper().readTree(JsonpUtils.toJsonString(r, new JacksonJsonpMapper()));
  }

  private static AnalyticsFilter filter(QueryNode q) {
    return new AnalyticsFilter(
        q,
        Optional.of(FROM),
        Optional.of(TO),
        List.of("Kompas.example"),
        List.of("ID"),
        ZoneId.of("Asia/Jakarta"));
  }

  @Test
  void volumeIsOneAggregationOnlyRequestWithASeriesFilterPerQueryInsideEachBucket()
      throws Exception {
    JsonNode j =
        json(
            Requests.volume(
                filter(new QueryNode.MatchAll()),
                W,
                List.of(QueryParser.parse("banjir"), QueryParser.parse("gempa")),
                Interval.day,
                CountUnit.articles));
    assertEquals(0, j.path("size").asInt(-1));
    JsonNode h = j.path("aggregations").path("t").path("date_histogram");
    assertEquals("published", h.path("field").asText());
    assertEquals("day", h.path("calendar_interval").asText());
    assertEquals("Asia/Jakarta", h.path("time_zone").asText());
    assertEquals(0, h.path("min_doc_count").asInt(-1));
    assertEquals(FROM.toEpochMilli(), h.path("extended_bounds").path("min").asLong());
    assertEquals(TO.toEpochMilli() - 1, h.path("extended_bounds").path("max").asLong());
    JsonNode keyed =
        j.path("aggregations")
            .path("t")
            .path("aggregations")
            .path("series")
            .path("filters")
            .path("filters");
    assertEquals(2, keyed.size());
    assertTrue(keyed.has("s0") && keyed.has("s1"));
    assertFalse(j.path("aggregations").path("t").path("aggregations").has("stories"));
  }

  @Test
  void storiesAreCountedWithCardinalityBothPerSeriesAndForTheWholeBucket() throws Exception {
    JsonNode aggs =
        json(Requests.volume(
                filter(new QueryNode.MatchAll()),
                W,
                List.of(new QueryNode.MatchAll()),
                Interval.week,
                CountUnit.stories))
            .path("aggregations")
            .path("t")
            .path("aggregations");
    assertEquals("storyId", aggs.path("stories").path("cardinality").path("field").asText());
    assertEquals(
        "storyId",
        aggs.path("series")
            .path("aggregations")
            .path("stories")
            .path("cardinality")
            .path("field")
            .asText());
  }

  @Test
  void theScopeFiltersPeriodLowerCasedSourcesAndLanguagesAndTheQueryWithoutScoring()
      throws Exception {
    JsonNode filters =
        json(Requests.terms(filter(QueryParser.parse("banjir")), W, "source", 5, true))
            .path("query")
            .path("bool")
            .path("filter");
    String text = filters.toString();
    assertEquals(4, filters.size());
    assertTrue(text.contains("\"gte\":\"2025-06-16T00:00:00Z\""), text);
    assertTrue(text.contains("\"lt\":\"2025-06-19T00:00:00Z\""), text);
    assertTrue(text.contains("\"source.lc\":[\"kompas.example\"]"), text);
    assertTrue(text.contains("\"lang\":[\"id\"]"), text);
    assertTrue(text.contains("banjir"), text);
  }

  @Test
  void aVolumeRequestLeavesTheQueryOutOfTheScopeSoSharesHaveEveryArticleAsDenominator()
      throws Exception {
    JsonNode j =
        json(
            Requests.volume(
                filter(new QueryNode.MatchAll()),
                W,
                List.of(QueryParser.parse("banjir")),
                Interval.day,
                CountUnit.articles));
    assertFalse(j.path("query").toString().contains("banjir"));
    assertTrue(j.path("aggregations").toString().contains("banjir"));
  }

  @Test
  void trendingSpansBothPeriodsAndOrdersCandidatesByTheirCountInTheCurrentOne() throws Exception {
    JsonNode j = json(Requests.trending(filter(new QueryNode.MatchAll()), W, "keyphrases", 200));
    assertEquals(0, j.path("size").asInt(-1));
    assertTrue(
        j.path("query").toString().contains("\"gte\":\"2025-06-13T00:00:00Z\""),
        "the previous period of equal length starts 3 days earlier");
    JsonNode terms = j.path("aggregations").path("terms");
    assertEquals("keyphrases", terms.path("terms").path("field").asText());
    assertEquals(200, terms.path("terms").path("size").asInt());
    assertEquals("desc", terms.path("terms").path("order").get(0).path("cur").asText());
    assertTrue(terms.path("aggregations").has("cur"));
    assertTrue(terms.path("aggregations").has("prev"));
  }

  @Test
  void theSentimentDistributionHasTenBandsOfPointTwoWithOpenOuterEnds() throws Exception {
    JsonNode ranges =
        json(Requests.sentiment(filter(new QueryNode.MatchAll()), W, Interval.day))
            .path("aggregations")
            .path("distribution")
            .path("range")
            .path("ranges");
    assertEquals(10, ranges.size());
    assertFalse(ranges.get(0).has("from"));
    assertEquals(-0.8, ranges.get(0).path("to").asDouble(), 1e-12);
    assertEquals(0.0, ranges.get(5).path("from").asDouble(), 1e-12);
    assertEquals(0.2, ranges.get(5).path("to").asDouble(), 1e-12);
    assertFalse(ranges.get(9).has("to"));
  }

  @Test
  void theRollupOfADayAggregatesEveryKindAgainstTheSevenDaysBefore() throws Exception {
    Instant d = Instant.parse("2030-07-14T00:00:00Z");
    JsonNode j =
        json(
            Requests.rollupDay(
                new Window(d, d.plus(Duration.ofDays(1))),
                new Window(d.minus(Duration.ofDays(7)), d),
                50));
    for (TrendKind k : TrendKind.values()) {
      assertEquals(k != TrendKind.all, j.path("aggregations").has(k.name()), k.name());
    }
    assertTrue(j.path("query").toString().contains("2030-07-07T00:00:00Z"));
    assertEquals(
        "entities.persons",
        j.path("aggregations").path("person").path("terms").path("field").asText());
  }

  @Test
  void periodsDefaultToTheNinetyDaysBeforeNowAndRejectAnEmptyOne() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Window w = Window.of(AnalyticsFilter.all(), now, Analytics.DEFAULT_PERIOD);
    assertEquals(now, w.to());
    assertEquals(now.minus(Duration.ofDays(90)), w.from());
    assertEquals(new Window(now.minus(Duration.ofDays(180)), w.from()), w.previous());
    assertThrows(IllegalArgumentException.class, () -> new Window(now, now));
  }

  @Test
  void tooManyBucketsAreRefusedBeforeAnyRequest() {
    Analytics.checkBuckets(W, Interval.hour);
    Window twoYears = new Window(FROM, FROM.plus(Duration.ofDays(730)));
    Analytics.checkBuckets(twoYears, Interval.day);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Analytics.checkBuckets(twoYears, Interval.hour));
    assertTrue(e.getMessage().contains("longer interval"), e.getMessage());
  }

  @Test
  void sizesOutsideOneToTwoHundredAreRefused() {
    Analytics.checkSize(1);
    Analytics.checkSize(200);
    assertThrows(IllegalArgumentException.class, () -> Analytics.checkSize(0));
    assertThrows(IllegalArgumentException.class, () -> Analytics.checkSize(201));
  }
}
