package io.pantau.analytics;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import java.time.Instant;
import java.util.List;

/**
 * The Elasticsearch request body each analytics question sends, rendered as JSON. The benchmark
 * sends these straight to Elasticsearch to compare an endpoint's time with the time of the very
 * request behind it; they are built by the same {@link Requests} methods as {@link Analytics} uses.
 * Every request goes to {@code POST /pantau-articles/_search}.
 */
public final class RequestBodies {
  private RequestBodies() {}

  /** What {@link Analytics#volume} sends for one series of every article. */
  public static String volume(AnalyticsFilter f, Interval interval) {
    return json(
        Requests.volume(
            f,
            window(f),
            List.of(new io.pantau.query.QueryNode.MatchAll()),
            interval,
            CountUnit.articles));
  }

  /** What {@link Analytics#sentiment} sends. */
  public static String sentiment(AnalyticsFilter f, Interval interval) {
    return json(Requests.sentiment(f, window(f), interval));
  }

  /** What {@link Analytics#keywords} sends. */
  public static String keywords(AnalyticsFilter f, TermField field, int size) {
    return json(Requests.terms(f, window(f), field.field, size, false));
  }

  /** What {@link Analytics#trending} sends. */
  public static String trending(AnalyticsFilter f, TermField field, int size) {
    return json(Requests.trending(f, window(f), field.field, Math.max(10 * size, 200)));
  }

  /** What {@link Analytics#sources} sends. */
  public static String sources(AnalyticsFilter f, int size) {
    return json(Requests.terms(f, window(f), "source", size, true));
  }

  /** What {@link Analytics#entities} sends. */
  public static String entities(AnalyticsFilter f, EntityType type, int size) {
    return json(Requests.terms(f, window(f), type.field, size, false));
  }

  /** What {@link Analytics#languages} sends. */
  public static String languages(AnalyticsFilter f, int size) {
    return json(Requests.terms(f, window(f), "lang", size, false));
  }

  private static Window window(AnalyticsFilter f) {
    return Window.of(f, Instant.now(), Analytics.DEFAULT_PERIOD);
  }

  static String json(SearchRequest r) {
    return AggregationSearch.json(r);
  }
}
