package io.pantau.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StatsAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.pantau.index.IndexBootstrap;
import io.pantau.query.Query;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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

  private final ElasticsearchClient es;
  private final IndexBootstrap bootstrap;
  private final Clock clock;

  Analytics(ElasticsearchClient es, IndexBootstrap bootstrap) {
    this.es = es;
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
        series.isEmpty() ? List.of(new Labelled(ALL, new Query.MatchAll())) : series;
    Window w = window(filter);
    checkBuckets(w, interval);
    SearchResponse<Void> r =
        search(
            Requests.volume(filter, w, asked.stream().map(Labelled::q).toList(), interval, unit));
    List<List<Volume.Point>> points = new ArrayList<>();
    asked.forEach(s -> points.add(new ArrayList<>()));
    for (DateHistogramBucket b : buckets(r)) {
      long all = unit == CountUnit.stories ? stories(b.aggregations()) : b.docCount();
      Map<String, FiltersBucket> perSeries =
          b.aggregations().get("series").filters().buckets().keyed();
      for (int k = 0; k < asked.size(); k++) {
        FiltersBucket fb = perSeries.get(Requests.seriesKey(k));
        long count = unit == CountUnit.stories ? stories(fb.aggregations()) : fb.docCount();
        points
            .get(k)
            .add(new Volume.Point(Requests.bucketStart(b.key()), count, ratio(count, all)));
      }
    }
    List<Volume.Series> out = new ArrayList<>();
    for (int k = 0; k < asked.size(); k++) {
      out.add(new Volume.Series(asked.get(k).key(), List.copyOf(points.get(k))));
    }
    return new Volume(interval, unit, out);
  }

  /** A query with the key its volume series is reported under. */
  public record Labelled(String key, Query q) {}

  /** Mean sentiment and label counts over time, and the distribution of scores. */
  public SentimentTimeline sentiment(AnalyticsFilter filter, Interval interval) {
    Window w = window(filter);
    checkBuckets(w, interval);
    SearchResponse<Void> r = search(Requests.sentiment(filter, w, interval));
    List<SentimentTimeline.Point> points = new ArrayList<>();
    for (DateHistogramBucket b : buckets(r)) {
      StatsAggregate score = b.aggregations().get("score").stats();
      Map<String, FiltersBucket> labels =
          b.aggregations().get("labels").filters().buckets().keyed();
      points.add(
          new SentimentTimeline.Point(
              Requests.bucketStart(b.key()),
              b.docCount(),
              score.count() == 0 ? null : score.avg(),
              labels.get("positive").docCount(),
              labels.get("neutral").docCount(),
              labels.get("negative").docCount()));
    }
    List<SentimentTimeline.Band> bands = new ArrayList<>();
    var ranges = r.aggregations().get("distribution").range().buckets().array();
    for (int k = 0; k < ranges.size(); k++) {
      bands.add(
          new SentimentTimeline.Band(
              Requests.bandEdge(k), Requests.bandEdge(k + 1), ranges.get(k).docCount()));
    }
    return new SentimentTimeline(interval, points, bands);
  }

  /** The most frequent keyphrases (or keywords) of the matching articles. */
  public TermCounts keywords(AnalyticsFilter filter, TermField field, int size) {
    checkSize(size);
    SearchResponse<Void> r =
        search(Requests.terms(filter, window(filter), field.field, size, false));
    return new TermCounts(
        field, terms(r).stream().map(b -> new TermCounts.Item(key(b), b.docCount())).toList());
  }

  /** The most mentioned entities of one type in the matching articles. */
  public EntityCounts entities(AnalyticsFilter filter, EntityType type, int size) {
    checkSize(size);
    SearchResponse<Void> r =
        search(Requests.terms(filter, window(filter), type.field, size, false));
    return new EntityCounts(
        type, terms(r).stream().map(b -> new EntityCounts.Item(key(b), b.docCount())).toList());
  }

  /** Matching articles per language. */
  public LanguageCounts languages(AnalyticsFilter filter, int size) {
    checkSize(size);
    SearchResponse<Void> r = search(Requests.terms(filter, window(filter), "lang", size, false));
    return new LanguageCounts(
        terms(r).stream().map(b -> new LanguageCounts.Item(key(b), b.docCount())).toList());
  }

  /** Matching articles per source, with each source's share of them all. */
  public SourceShares sources(AnalyticsFilter filter, int size) {
    checkSize(size);
    SearchResponse<Void> r = search(Requests.terms(filter, window(filter), "source", size, true));
    long total = r.hits().total() == null ? 0 : r.hits().total().value();
    return new SourceShares(
        total,
        terms(r).stream()
            .map(b -> new SourceShares.Item(key(b), b.docCount(), ratio(b.docCount(), total)))
            .toList());
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
    SearchResponse<Void> r = search(Requests.trending(filter, w, field.field, candidates));
    Map<String, FiltersBucket> periods =
        r.aggregations().get("periods").filters().buckets().keyed();
    long n = periods.get("cur").docCount();
    long m = periods.get("prev").docCount();
    List<Trending.Item> items = new ArrayList<>();
    for (StringTermsBucket b : terms(r)) {
      long c = b.aggregations().get("cur").filter().docCount();
      long p = b.aggregations().get("prev").filter().docCount();
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

  private SearchResponse<Void> search(SearchRequest request) {
    bootstrap.bootstrap();
    return Es.call(() -> es.search(request, Void.class));
  }

  private static List<DateHistogramBucket> buckets(SearchResponse<Void> r) {
    return r.aggregations().get("t").dateHistogram().buckets().array();
  }

  private static List<StringTermsBucket> terms(SearchResponse<Void> r) {
    Aggregate a = r.aggregations().get("terms");
    // A field no document has comes back as unmapped terms, not string terms.
    return a.isSterms() ? a.sterms().buckets().array() : List.of();
  }

  private static long stories(Map<String, Aggregate> aggs) {
    return aggs.get("stories").cardinality().value();
  }

  private static String key(StringTermsBucket b) {
    return b.key().stringValue();
  }
}
