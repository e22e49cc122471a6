package io.pantau.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.query.QueryNode;
import io.pantau.query.QueryParser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bodies the benchmark sends straight to Elasticsearch are the ones the analytics send. */
class RequestBodiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AnalyticsFilter F =
      new AnalyticsFilter(
          QueryParser.parse("banjir OR gempa"),
          Optional.of(Instant.parse("2025-06-01T00:00:00Z")),
          Optional.of(Instant.parse("2025-07-01T00:00:00Z")),
          List.of("kompas.example"),
          List.of(),
          null);
  private static final Window W = Window.of(F, Instant.now(), Analytics.DEFAULT_PERIOD);

  private static JsonNode json(SearchRequest r) throws Exception {
    return JSON.readTree(JsonpUtils.toJsonString(r, new JacksonJsonpMapper()));
  }

  @Test
  void everyEndpointsBodyIsTheRequestItsAnalyticsMethodBuilds() throws Exception {
    assertEquals(
        json(
            Requests.volume(
                F, W, List.of(new QueryNode.MatchAll()), Interval.week, CountUnit.articles)),
        JSON.readTree(RequestBodies.volume(F, Interval.week)));
    assertEquals(
        json(Requests.sentiment(F, W, Interval.day)),
        JSON.readTree(RequestBodies.sentiment(F, Interval.day)));
    assertEquals(
        json(Requests.terms(F, W, "keywords", 7, false)),
        JSON.readTree(RequestBodies.keywords(F, TermField.keywords, 7)));
    assertEquals(
        json(Requests.trending(F, W, "keyphrases", 200)),
        JSON.readTree(RequestBodies.trending(F, TermField.keyphrases, 20)));
    assertEquals(
        json(Requests.terms(F, W, "source", 5, true)), JSON.readTree(RequestBodies.sources(F, 5)));
    assertEquals(
        json(Requests.terms(F, W, EntityType.organization.field, 9, false)),
        JSON.readTree(RequestBodies.entities(F, EntityType.organization, 9)));
    assertEquals(
        json(Requests.terms(F, W, "lang", 20, false)),
        JSON.readTree(RequestBodies.languages(F, 20)));
  }

  @Test
  void theBodyCarriesTheQueryAndThePeriod() throws Exception {
    JsonNode body = JSON.readTree(RequestBodies.languages(F, 20));
    assertEquals(0, body.path("size").asInt(-1));
    String text = body.toString();
    assertEquals(true, text.contains("banjir") && text.contains("gempa"), text);
    assertEquals(true, text.contains("2025-06-01T00:00:00Z"), text);
  }
}
