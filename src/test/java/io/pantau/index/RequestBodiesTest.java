package io.pantau.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.query.QueryNode;
import io.pantau.query.QueryParser;
import io.pantau.query.Selection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bodies the benchmark sends straight to Elasticsearch are the ones the analytics send. */
class RequestBodiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant FROM = Instant.parse("2025-06-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2025-07-01T00:00:00Z");
  private static final Selection F =
      new Selection(
          QueryParser.parse("banjir OR gempa"),
          Optional.of(FROM),
          Optional.of(TO),
          List.of("kompas.example"),
          List.of());

  private static JsonNode json(SearchRequest r) throws Exception {
    return JSON.readTree(JsonpUtils.toJsonString(r, new JacksonJsonpMapper()));
  }

  @Test
  void everyEndpointsBodyIsTheRequestItsAnalyticsMethodBuilds() throws Exception {
    assertEquals(
        json(
            AggregationRequests.volume(
                F, ChronoUnit.WEEKS, ZoneOffset.UTC, List.of(new QueryNode.MatchAll()), false)),
        JSON.readTree(RequestBodies.volume(F, ChronoUnit.WEEKS, ZoneOffset.UTC)));
    assertEquals(
        json(AggregationRequests.sentiment(F, ChronoUnit.DAYS, ZoneOffset.UTC)),
        JSON.readTree(RequestBodies.sentiment(F, ChronoUnit.DAYS, ZoneOffset.UTC)));
    assertEquals(
        json(AggregationRequests.terms(F, "keywords", 7, false)),
        JSON.readTree(RequestBodies.terms(F, Fields.KEYWORDS, 7, false)));
    assertEquals(
        json(
            AggregationRequests.trending(
                F, Instant.parse("2025-05-02T00:00:00Z"), "keyphrases", 200)),
        JSON.readTree(RequestBodies.trending(F, Fields.KEYPHRASES, 200)));
    assertEquals(
        json(AggregationRequests.terms(F, "source", 5, true)),
        JSON.readTree(RequestBodies.terms(F, Fields.SOURCE, 5, true)));
    assertEquals(
        json(AggregationRequests.terms(F, Fields.ENTITIES_ORGANIZATIONS, 9, false)),
        JSON.readTree(RequestBodies.terms(F, Fields.ENTITIES_ORGANIZATIONS, 9, false)));
    assertEquals(
        json(AggregationRequests.terms(F, "lang", 20, false)),
        JSON.readTree(RequestBodies.terms(F, Fields.LANG, 20, false)));
  }

  @Test
  void theBodyCarriesTheQueryAndThePeriod() throws Exception {
    JsonNode body = JSON.readTree(RequestBodies.terms(F, Fields.LANG, 20, false));
    assertEquals(0, body.path("size").asInt(-1));
    String text = body.toString();
    assertEquals(true, text.contains("banjir") && text.contains("gempa"), text);
    assertEquals(true, text.contains("2025-06-01T00:00:00Z"), text);
  }
}
