package io.pantau.analytics;

import io.pantau.index.ArticleAggregations;
import io.pantau.index.ArticleAggregations.Band;
import io.pantau.index.ArticleAggregations.ComparedTerm;
import io.pantau.index.ArticleAggregations.Comparison;
import io.pantau.index.ArticleAggregations.SentimentBucket;
import io.pantau.index.ArticleAggregations.SentimentCounts;
import io.pantau.index.ArticleAggregations.TermCount;
import io.pantau.index.ArticleAggregations.Terms;
import io.pantau.index.ArticleAggregations.TimeBucket;
import io.pantau.index.Fields;
import io.pantau.query.QueryNode;
import io.pantau.query.Selection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
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

  private final ArticleAggregations index;
  private final Clock clock;

  Analytics(ArticleAggregations index) {
    this.index = index;
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
    List<TimeBucket> buckets =
        index.volume(
            scope(filter, w),
            interval.unit,
            filter.tz(),
            asked.stream().map(Labelled::q).toList(),
            unit == CountUnit.stories);
    List<List<Volume.Point>> points = new ArrayList<>();
    asked.forEach(s -> points.add(new ArrayList<>()));
    for (TimeBucket b : buckets) {
      for (int k = 0; k < asked.size(); k++) {
        long count = b.series().get(k);
        points.get(k).add(new Volume.Point(b.start(), count, ratio(count, b.count())));
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
    SentimentCounts r = index.sentiment(scope(filter, w), interval.unit, filter.tz());
    List<SentimentTimeline.Point> points = new ArrayList<>();
    for (SentimentBucket b : r.buckets()) {
      points.add(
          new SentimentTimeline.Point(
              b.start(), b.count(), b.average(), b.positive(), b.neutral(), b.negative()));
    }
    List<SentimentTimeline.Band> bands = new ArrayList<>();
    for (Band b : r.bands()) {
      bands.add(new SentimentTimeline.Band(b.from(), b.to(), b.count()));
    }
    return new SentimentTimeline(interval, points, bands);
  }

  /** The most frequent keyphrases (or keywords) of the matching articles. */
  public TermCounts keywords(AnalyticsFilter filter, TermField field, int size) {
    checkSize(size);
    List<TermCounts.Item> items = new ArrayList<>();
    terms(filter, field.field, size, false)
        .terms()
        .forEach(b -> items.add(new TermCounts.Item(b.term(), b.count())));
    return new TermCounts(field, List.copyOf(items));
  }

  /** The most mentioned entities of one type in the matching articles. */
  public EntityCounts entities(AnalyticsFilter filter, EntityType type, int size) {
    checkSize(size);
    List<EntityCounts.Item> items = new ArrayList<>();
    terms(filter, type.field, size, false)
        .terms()
        .forEach(b -> items.add(new EntityCounts.Item(b.term(), b.count())));
    return new EntityCounts(type, List.copyOf(items));
  }

  /** Matching articles per language. */
  public LanguageCounts languages(AnalyticsFilter filter, int size) {
    checkSize(size);
    List<LanguageCounts.Item> items = new ArrayList<>();
    terms(filter, Fields.LANG, size, false)
        .terms()
        .forEach(b -> items.add(new LanguageCounts.Item(b.term(), b.count())));
    return new LanguageCounts(List.copyOf(items));
  }

  /** Matching articles per source, with each source's share of them all. */
  public SourceShares sources(AnalyticsFilter filter, int size) {
    checkSize(size);
    Terms r = terms(filter, Fields.SOURCE, size, true);
    long total = r.total();
    List<SourceShares.Item> items = new ArrayList<>();
    for (TermCount b : r.terms()) {
      long count = b.count();
      items.add(new SourceShares.Item(b.term(), count, ratio(count, total)));
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
    Comparison r = index.compare(scope(filter, w), prev.from(), field.field, candidates);
    long n = r.current();
    long m = r.previous();
    List<Trending.Item> items = new ArrayList<>();
    for (ComparedTerm b : r.terms().get(field.field)) {
      long c = b.current();
      long p = b.previous();
      double score = TrendingScore.score(c, n, p, m);
      if (score > 0) {
        items.add(new Trending.Item(b.term(), c, p, score));
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

  /** The filter's selection over the resolved period {@code w}. */
  static Selection scope(AnalyticsFilter filter, Window w) {
    return filter.selection().within(w.from(), w.to());
  }

  private Terms terms(AnalyticsFilter filter, String field, int size, boolean withTotal) {
    return index.terms(scope(filter, window(filter)), field, size, withTotal);
  }
}
