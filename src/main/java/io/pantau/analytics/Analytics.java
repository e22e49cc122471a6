package io.pantau.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import com.fasterxml.jackson.databind.JsonNode;
import io.pantau.config.PantauConfig;
import io.pantau.index.IndexBootstrap;
import io.pantau.index.IndexUnavailableException;
import io.pantau.query.QueryNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Answers the analytics questions over the article index, each with one aggregation-only request.
 *
 * <p>Every method takes an {@link AnalyticsFilter}; a period left open ends now and starts {@link
 * #DEFAULT_PERIOD} earlier. Methods throw {@link IllegalArgumentException} for a question that
 * cannot be answered as asked (a period too long for the interval, too many series, a size out of
 * range), with a message fit for the caller.
 */
@ApplicationScoped
public class Analytics {
  /** The period analysed when {@code from} is not given. */
  public static final Duration DEFAULT_PERIOD = Duration.ofDays(90);

  /** Most time buckets in one answer; keeps requests well inside Elasticsearch's bucket limit. */
  public static final int MAX_BUCKETS = 5000;

  /** Most comparison series in one volume answer. */
  public static final int MAX_SERIES = 10;

  /** Largest {@code size} of a ranking. */
  public static final int MAX_SIZE = 200;

  /** The key of the series of a volume question asked without a query. */
  public static final String ALL = "all";

  private final AggregationSearch es;
  private final IndexBootstrap bootstrap;
  private final Clock clock;

  Analytics(ElasticsearchClient es, IndexBootstrap bootstrap, PantauConfig config) {
    this.es = new AggregationSearch(es, config.index().searchTimeout());
    this.bootstrap = bootstrap;
    this.clock = Clock.systemUTC();
  }

  /**
   * Counts over time, one series per query, with each bucket's share of all articles.
   *
   * @param filter period, sources, languages and zone; its query narrows the series and the shares'
   *     denominators alike (pass match-all for shares of everything)
   * @param series labelled queries; none gives one series {@value #ALL} of every article
   * @param interval bucket width
   * @param unit articles, or distinct stories
   */
  public Volume volume(
      AnalyticsFilter filter, List<Labelled> series, Interval interval, CountUnit unit) {
    if (series.size() > MAX_SERIES) {
      throw new IllegalArgumentException("at most " + MAX_SERIES + " q parameters are allowed");
    }
    List<Labelled> asked =
        series.isEmpty() ? List.of(new Labelled(ALL, new QueryNode.MatchAll())) : series;
    Window w = window(filter);
    checkBuckets(w, interval);
    JsonNode r =
        search(
            Requests.volume(filter, w, asked.stream().map(Labelled::q).toList(), interval, unit));
    List<List<Volume.Point>> points = new ArrayList<>();
    asked.forEach(s -> points.add(new ArrayList<>()));
    for (JsonNode b : buckets(r)) {
      long all = unit == CountUnit.stories ? stories(b) : docCount(b);
      JsonNode perSeries = b.path("series").path("buckets");
      for (int k = 0; k < asked.size(); k++) {
        JsonNode fb = perSeries.path(Requests.seriesKey(k));
        long count = unit == CountUnit.stories ? stories(fb) : docCount(fb);
        points.get(k).add(new Volume.Point(bucketStart(b), count, ratio(count, all)));
      }
    }
    List<Volume.Series> out = new ArrayList<>();
    for (int k = 0; k < asked.size(); k++) {
      out.add(new Volume.Series(asked.get(k).key(), List.copyOf(points.get(k))));
    }
    return new Volume(interval, unit, out);
  }

  /** A query with the key its volume series is reported under. */
  public record Labelled(String key, QueryNode q) {}

  /** Mean sentiment and label counts over time, and the distribution of scores. */
  public SentimentTimeline sentiment(AnalyticsFilter filter, Interval interval) {
    Window w = window(filter);
    checkBuckets(w, interval);
    JsonNode r = search(Requests.sentiment(filter, w, interval));
    List<SentimentTimeline.Point> points = new ArrayList<>();
    for (JsonNode b : buckets(r)) {
      JsonNode avg = b.path("score").path("value");
      JsonNode labels = b.path("labels").path("buckets");
      points.add(
          new SentimentTimeline.Point(
              bucketStart(b),
              docCount(b),
              avg.isNumber() ? avg.asDouble() : null,
              docCount(labels.path("positive")),
              docCount(labels.path("neutral")),
              docCount(labels.path("negative"))));
    }
    List<SentimentTimeline.Band> bands = new ArrayList<>();
    JsonNode ranges = aggregation(r, "distribution").path("buckets");
    for (int k = 0; k < ranges.size(); k++) {
      bands.add(
          new SentimentTimeline.Band(
              Requests.bandEdge(k), Requests.bandEdge(k + 1), docCount(ranges.get(k))));
    }
    return new SentimentTimeline(interval, points, bands);
  }

  /** The most frequent keyphrases (or keywords) of the matching articles. */
  public TermCounts keywords(AnalyticsFilter filter, TermField field, int size) {
    checkSize(size);
    JsonNode r = search(Requests.terms(filter, window(filter), field.field, size, false));
    List<TermCounts.Item> items = new ArrayList<>();
    terms(r).forEach(b -> items.add(new TermCounts.Item(key(b), docCount(b))));
    return new TermCounts(field, List.copyOf(items));
  }

  /** The most mentioned entities of one type in the matching articles. */
  public EntityCounts entities(AnalyticsFilter filter, EntityType type, int size) {
    checkSize(size);
    JsonNode r = search(Requests.terms(filter, window(filter), type.field, size, false));
    List<EntityCounts.Item> items = new ArrayList<>();
    terms(r).forEach(b -> items.add(new EntityCounts.Item(key(b), docCount(b))));
    return new EntityCounts(type, List.copyOf(items));
  }

  /** Matching articles per language. */
  public LanguageCounts languages(AnalyticsFilter filter, int size) {
    checkSize(size);
    JsonNode r = search(Requests.terms(filter, window(filter), "lang", size, false));
    List<LanguageCounts.Item> items = new ArrayList<>();
    terms(r).forEach(b -> items.add(new LanguageCounts.Item(key(b), docCount(b))));
    return new LanguageCounts(List.copyOf(items));
  }

  /** Matching articles per source, with each source's share of them all. */
  public SourceShares sources(AnalyticsFilter filter, int size) {
    checkSize(size);
    JsonNode r = search(Requests.terms(filter, window(filter), "source", size, true));
    long total = r.path("hits").path("total").path("value").asLong();
    List<SourceShares.Item> items = new ArrayList<>();
    for (JsonNode b : terms(r)) {
      long count = docCount(b);
      items.add(new SourceShares.Item(key(b), count, ratio(count, total)));
    }
    return new SourceShares(total, List.copyOf(items));
  }

  /**
   * Terms unusually frequent in the period compared with the previous period of equal length,
   * scored by {@link TrendingScore#score}. The candidates are the {@code max(10 * size, 200)} terms
   * most frequent in the period; only terms with a score above 0 are returned.
   */
  public Trending trending(AnalyticsFilter filter, TermField field, int size) {
    checkSize(size);
    Window w = window(filter);
    Window prev = w.previous();
    int candidates = Math.max(10 * size, 200);
    JsonNode r = search(Requests.trending(filter, w, field.field, candidates));
    JsonNode periods = aggregation(r, "periods").path("buckets");
    long n = docCount(periods.path("cur"));
    long m = docCount(periods.path("prev"));
    List<Trending.Item> items = new ArrayList<>();
    for (JsonNode b : terms(r)) {
      long c = docCount(b.path("cur"));
      long p = docCount(b.path("prev"));
      double score = TrendingScore.score(c, n, p, m);
      if (score > 0) {
        items.add(new Trending.Item(key(b), c, p, score));
      }
    }
    items.sort(
        Comparator.comparingDouble(Trending.Item::score)
            .reversed()
            .thenComparing(Comparator.comparingLong(Trending.Item::count).reversed())
            .thenComparing(Trending.Item::term));
    return new Trending(
        field,
        w.from(),
        w.to(),
        prev.from(),
        n,
        m,
        List.copyOf(items.subList(0, Math.min(size, items.size()))));
  }

  Window window(AnalyticsFilter filter) {
    return Window.of(filter, clock.instant(), DEFAULT_PERIOD);
  }

  static void checkBuckets(Window w, Interval interval) {
    long buckets = w.length().toMillis() / interval.shortest.toMillis() + 1;
    if (buckets > MAX_BUCKETS) {
      throw new IllegalArgumentException(
          "the period holds more than "
              + MAX_BUCKETS
              + " "
              + interval
              + " buckets; choose a longer interval or a shorter period");
    }
  }

  static void checkSize(int size) {
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
    }
  }

  static double ratio(long count, long all) {
    return all == 0 ? 0 : (double) count / all;
  }

  private JsonNode search(SearchRequest request) {
    bootstrap.bootstrap();
    return es.search(request);
  }

  private static JsonNode aggregation(JsonNode r, String name) {
    JsonNode a = r.path("aggregations").path(name);
    if (a.isMissingNode()) {
      throw new IndexUnavailableException(
          "Elasticsearch answered without the " + name + " aggregation", null);
    }
    return a;
  }

  /** The buckets of the date histogram {@code t}, oldest first. */
  private static JsonNode buckets(JsonNode r) {
    return aggregation(r, "t").path("buckets");
  }

  /** The buckets of the terms aggregation {@code terms}; none for a field no document has. */
  private static JsonNode terms(JsonNode r) {
    return aggregation(r, "terms").path("buckets");
  }

  private static long docCount(JsonNode bucket) {
    return bucket.path("doc_count").asLong();
  }

  private static long stories(JsonNode bucket) {
    return bucket.path("stories").path("value").asLong();
  }

  private static Instant bucketStart(JsonNode bucket) {
    return Requests.bucketStart(bucket.path("key").asLong());
  }

  private static String key(JsonNode bucket) {
    return bucket.path("key").asText();
  }
}
