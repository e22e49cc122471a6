package io.pantau.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StatsAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.pantau.config.PantauConfig;
import io.pantau.query.QueryNode;
import io.pantau.query.Selection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts over the stored articles, each with one aggregation-only request, answered as plain
 * records: the analytics ask their questions here and do their arithmetic (shares, scores) on the
 * answers.
 *
 * <p>Every method takes a scope: a {@link Selection} whose period has both ends (an open end is an
 * {@link IllegalArgumentException}). Failures come as {@link IndexUnavailableException} or {@link
 * SearchRefusedException}, as they do for search.
 */
@ApplicationScoped
public class ArticleAggregations {
  private final AggregationSearch search;
  private final ElasticsearchClient es;
  private final IndexBootstrap bootstrap;

  ArticleAggregations(ElasticsearchClient es, IndexBootstrap bootstrap, PantauConfig config) {
    this.search = new AggregationSearch(es, config.index().searchTimeout());
    this.es = es;
    this.bootstrap = bootstrap;
  }

  /**
   * One time bucket of a volume answer.
   *
   * @param start the bucket's start
   * @param count articles of the scope in it (or their distinct stories)
   * @param series the same count per series query, in the order asked
   */
  public record TimeBucket(Instant start, long count, List<Long> series) {}

  /**
   * Articles (or distinct stories, exact below 10,000 per bucket) per time bucket, empty buckets
   * included, in all of the scope and per series query.
   *
   * @param interval the bucket width: hours, days, weeks (starting Monday) or months
   * @param tz the zone in which buckets start
   */
  public List<TimeBucket> volume(
      Selection scope,
      ChronoUnit interval,
      ZoneId tz,
      List<QueryNode> series,
      boolean distinctStories) {
    JsonNode r = search(AggregationRequests.volume(scope, interval, tz, series, distinctStories));
    List<TimeBucket> out = new ArrayList<>();
    for (JsonNode b : aggregation(r, "t").path("buckets")) {
      long all = distinctStories ? stories(b) : docCount(b);
      JsonNode perSeries = b.path("series").path("buckets");
      List<Long> counts = new ArrayList<>(series.size());
      for (int k = 0; k < series.size(); k++) {
        JsonNode fb = perSeries.path(AggregationRequests.seriesKey(k));
        counts.add(distinctStories ? stories(fb) : docCount(fb));
      }
      out.add(new TimeBucket(bucketStart(b), all, List.copyOf(counts)));
    }
    return out;
  }

  /**
   * One time bucket of a sentiment answer.
   *
   * @param average mean sentiment score; null when no article of the bucket has one
   */
  public record SentimentBucket(
      Instant start, long count, Double average, long positive, long neutral, long negative) {}

  /** Articles whose sentiment score is in {@code [from, to)} (the outer bands are open). */
  public record Band(double from, double to, long count) {}

  /** Sentiment per time bucket and the distribution of scores over the whole scope. */
  public record SentimentCounts(List<SentimentBucket> buckets, List<Band> bands) {}

  /** Mean score and label counts per time bucket; scores in ten bands of 0.2 from -1 to 1. */
  public SentimentCounts sentiment(Selection scope, ChronoUnit interval, ZoneId tz) {
    JsonNode r = search(AggregationRequests.sentiment(scope, interval, tz));
    List<SentimentBucket> buckets = new ArrayList<>();
    for (JsonNode b : aggregation(r, "t").path("buckets")) {
      JsonNode avg = b.path("score").path("value");
      JsonNode labels = b.path("labels").path("buckets");
      buckets.add(
          new SentimentBucket(
              bucketStart(b),
              docCount(b),
              avg.isNumber() ? avg.asDouble() : null,
              docCount(labels.path("positive")),
              docCount(labels.path("neutral")),
              docCount(labels.path("negative"))));
    }
    List<Band> bands = new ArrayList<>();
    JsonNode ranges = aggregation(r, "distribution").path("buckets");
    for (int k = 0; k < ranges.size(); k++) {
      bands.add(
          new Band(
              AggregationRequests.bandEdge(k),
              AggregationRequests.bandEdge(k + 1),
              docCount(ranges.get(k))));
    }
    return new SentimentCounts(List.copyOf(buckets), List.copyOf(bands));
  }

  /** A value of a field and the articles that carry it. */
  public record TermCount(String term, long count) {}

  /**
   * The most frequent values of a field.
   *
   * @param total articles of the scope, when asked for; 0 otherwise
   * @param terms most frequent first, ties by value
   */
  public record Terms(long total, List<TermCount> terms) {}

  /**
   * The {@code size} most frequent values of a keyword field (see {@link Fields}) in the scope.
   *
   * @param withTotal also count the articles of the scope
   */
  public Terms terms(Selection scope, String field, int size, boolean withTotal) {
    JsonNode r = search(AggregationRequests.terms(scope, field, size, withTotal));
    long total = withTotal ? r.path("hits").path("total").path("value").asLong() : 0;
    List<TermCount> items = new ArrayList<>();
    for (JsonNode b : aggregation(r, "terms").path("buckets")) {
      items.add(new TermCount(b.path("key").asText(), docCount(b)));
    }
    return new Terms(total, List.copyOf(items));
  }

  /**
   * A value of a field counted in a period and in the period before it.
   *
   * @param currentAverage the mean sentiment score of its articles of the period; null when none
   *     has one
   */
  public record ComparedTerm(String term, long current, long previous, Double currentAverage) {}

  /**
   * Counts in a period against the period before it.
   *
   * @param current articles of the period
   * @param previous articles of the period before
   * @param currentAverage mean sentiment score of the period's articles, when asked for (the daily
   *     rollup); null otherwise or when none has one
   * @param terms per name asked, the values most frequent in the period, most frequent first
   */
  public record Comparison(
      long current, long previous, Double currentAverage, Map<String, List<ComparedTerm>> terms) {}

  /**
   * The period's and the previous period's totals, and the {@code candidates} values of {@code
   * field} most frequent in the period with their counts in both, under the name {@code field}.
   *
   * @param scope the period compared, with the query, sources and languages of both periods
   * @param previousFrom the start of the previous period, which ends where the scope's begins
   */
  public Comparison compare(Selection scope, Instant previousFrom, String field, int candidates) {
    JsonNode r = search(AggregationRequests.trending(scope, previousFrom, field, candidates));
    JsonNode periods = aggregation(r, "periods").path("buckets");
    List<ComparedTerm> items = new ArrayList<>();
    for (JsonNode b : aggregation(r, "terms").path("buckets")) {
      JsonNode stats = b.path("cur").path("score");
      items.add(
          new ComparedTerm(
              b.path("key").asText(),
              docCount(b.path("cur")),
              docCount(b.path("prev")),
              stats.path("count").asLong() == 0 ? null : stats.path("avg").asDouble()));
    }
    return new Comparison(
        docCount(periods.path("cur")),
        docCount(periods.path("prev")),
        null,
        Map.of(field, List.copyOf(items)));
  }

  /**
   * One day of the trends rollup, over every article: the day's and the reference period's totals
   * with the day's mean sentiment, and per named field the {@code termsPerDay} values most frequent
   * in the day with their counts in both.
   *
   * @param dayFrom the start of the day
   * @param dayTo its end
   * @param referenceFrom the start of the reference period, which ends where the day begins
   * @param fieldsByName keyword fields (see {@link Fields}) under the names the answer uses
   */
  public Comparison compareDay(
      Instant dayFrom,
      Instant dayTo,
      Instant referenceFrom,
      Map<String, String> fieldsByName,
      int termsPerDay) {
    bootstrap.bootstrap();
    SearchRequest request =
        AggregationRequests.rollupDay(dayFrom, dayTo, referenceFrom, fieldsByName, termsPerDay);
    SearchResponse<Void> r = Es.call(() -> es.search(request, Void.class));
    Map<String, FiltersBucket> periods =
        r.aggregations().get("periods").filters().buckets().keyed();
    FiltersBucket cur = periods.get("cur");
    Map<String, List<ComparedTerm>> terms = new LinkedHashMap<>();
    for (String name : fieldsByName.keySet()) {
      List<ComparedTerm> items = new ArrayList<>();
      Aggregate a = r.aggregations().get(name);
      if (a != null && a.isSterms()) {
        for (StringTermsBucket b : a.sterms().buckets().array()) {
          Aggregate curAgg = b.aggregations().get("cur");
          items.add(
              new ComparedTerm(
                  b.key().stringValue(),
                  curAgg.filter().docCount(),
                  b.aggregations().get("prev").filter().docCount(),
                  avg(curAgg.filter().aggregations().get("score").stats())));
        }
      }
      terms.put(name, List.copyOf(items));
    }
    return new Comparison(
        cur.docCount(),
        periods.get("prev").docCount(),
        avg(cur.aggregations().get("score").stats()),
        terms);
  }

  private JsonNode search(SearchRequest request) {
    bootstrap.bootstrap();
    return search.search(request);
  }

  private static JsonNode aggregation(JsonNode r, String name) {
    JsonNode a = r.path("aggregations").path(name);
    if (a.isMissingNode()) {
      throw new IndexUnavailableException(
          "Elasticsearch answered without the " + name + " aggregation", null);
    }
    return a;
  }

  private static long docCount(JsonNode bucket) {
    return bucket.path("doc_count").asLong();
  }

  private static long stories(JsonNode bucket) {
    return bucket.path("stories").path("value").asLong();
  }

  private static Instant bucketStart(JsonNode bucket) {
    return Instant.ofEpochMilli(bucket.path("key").asLong());
  }

  private static Double avg(StatsAggregate s) {
    return s.count() == 0 ? null : s.avg();
  }
}
