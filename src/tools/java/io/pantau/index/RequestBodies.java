package io.pantau.index;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import io.pantau.query.QueryNode;
import io.pantau.query.Selection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The Elasticsearch request body behind each {@link ArticleAggregations} question, rendered as
 * JSON. The benchmark sends these straight to Elasticsearch to compare an analytics endpoint's time
 * with the time of the very request behind it; they are built by the same {@link
 * AggregationRequests} methods. Every request goes to {@code POST /pantau-articles/_search}. Each
 * scope needs both ends of its period, as the analytics resolve it.
 */
public final class RequestBodies {
  private RequestBodies() {}

  /** What {@link ArticleAggregations#volume} sends for one series of every article. */
  public static String volume(Selection scope, ChronoUnit interval, ZoneId tz) {
    return json(
        AggregationRequests.volume(scope, interval, tz, List.of(new QueryNode.MatchAll()), false));
  }

  /** What {@link ArticleAggregations#sentiment} sends. */
  public static String sentiment(Selection scope, ChronoUnit interval, ZoneId tz) {
    return json(AggregationRequests.sentiment(scope, interval, tz));
  }

  /** What {@link ArticleAggregations#terms} sends (keywords, sources, entities, languages). */
  public static String terms(Selection scope, String field, int size, boolean withTotal) {
    return json(AggregationRequests.terms(scope, field, size, withTotal));
  }

  /**
   * What {@link ArticleAggregations#compare} sends for trending: the scope against the previous
   * period of equal length.
   */
  public static String trending(Selection scope, String field, int candidates) {
    Instant from = scope.from().orElseThrow();
    Instant previousFrom = from.minus(Duration.between(from, scope.to().orElseThrow()));
    return json(AggregationRequests.trending(scope, previousFrom, field, candidates));
  }

  static String json(SearchRequest r) {
    return AggregationSearch.json(r);
  }
}
