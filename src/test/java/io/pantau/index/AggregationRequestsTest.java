package io.pantau.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.query.QueryNode;
import io.pantau.query.QueryParser;
import io.pantau.query.Selection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The request shapes, read back as the JSON the client sends. */
class AggregationRequestsTest {
  private static final Instant FROM = Instant.parse("2025-06-16T00:00:00Z");
  private static final Instant TO = Instant.parse("2025-06-19T00:00:00Z");

  /** The kinds of trend the analytics roll up, by the fields they count. */
  private static final Map<String, String> KINDS = kinds();

  private static Map<String, String> kinds() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("keyword", Fields.KEYPHRASES);
    m.put("source", Fields.SOURCE);
    m.put("person", Fields.ENTITIES_PERSONS);
    m.put("organization", Fields.ENTITIES_ORGANIZATIONS);
    m.put("place", Fields.ENTITIES_PLACES);
    return m;
  }

  private static final ZoneId TZ = ZoneId.of("Asia/Jakarta");

  private static JsonNode json(SearchRequest r) throws Exception {
    return new ObjectMapper().readTree(JsonpUtils.toJsonString(r, new JacksonJsonpMapper()));
  }

  private static Selection filter(QueryNode q) {
    return new Selection(
        q, Optional.of(FROM), Optional.of(TO), List.of("Kompas.example"), List.of("ID"));
  }

  @Test
  void volumeIsOneAggregationOnlyRequestWithASeriesFilterPerQueryInsideEachBucket()
      throws Exception {
    JsonNode j =
        json(
            AggregationRequests.volume(
                filter(new QueryNode.MatchAll()),
                ChronoUnit.DAYS,
                TZ,
                List.of(QueryParser.parse("banjir"), QueryParser.parse("gempa")),
                false));
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
        json(AggregationRequests.volume(
                filter(new QueryNode.MatchAll()),
                ChronoUnit.WEEKS,
                TZ,
                List.of(new QueryNode.MatchAll()),
                true))
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
        json(AggregationRequests.terms(filter(QueryParser.parse("banjir")), "source", 5, true))
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
            AggregationRequests.volume(
                filter(new QueryNode.MatchAll()),
                ChronoUnit.DAYS,
                TZ,
                List.of(QueryParser.parse("banjir")),
                false));
    assertFalse(j.path("query").toString().contains("banjir"));
    assertTrue(j.path("aggregations").toString().contains("banjir"));
  }

  @Test
  void trendingSpansBothPeriodsAndOrdersCandidatesByTheirCountInTheCurrentOne() throws Exception {
    JsonNode j =
        json(
            AggregationRequests.trending(
                filter(new QueryNode.MatchAll()),
                FROM.minus(Duration.ofDays(3)),
                "keyphrases",
                200));
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
        json(AggregationRequests.sentiment(filter(new QueryNode.MatchAll()), ChronoUnit.DAYS, TZ))
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
            AggregationRequests.rollupDay(
                d, d.plus(Duration.ofDays(1)), d.minus(Duration.ofDays(7)), KINDS, 50));
    for (String k : List.of("keyword", "source", "person", "organization", "place", "all")) {
      assertEquals(KINDS.containsKey(k), j.path("aggregations").has(k), k);
    }
    assertTrue(j.path("query").toString().contains("2030-07-07T00:00:00Z"));
    assertEquals(
        "entities.persons",
        j.path("aggregations").path("person").path("terms").path("field").asText());
  }
}
