package io.pantau.analytics;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.AggregationRange;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.NamedValue;
import io.pantau.index.ArticleFilters;
import io.pantau.index.IndexNames;
import io.pantau.index.QueryCompiler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Elasticsearch requests of the analytics, one per question, all aggregation-only. Pure:
 * no client, so the request shapes are unit-tested as JSON.
 */
final class Requests {
  static final String PUBLISHED = "published";
  static final String SCORE = "sentiment.score";
  static final String LABEL = "sentiment.label";
  static final String STORY = "storyId";

  /** Exact distinct counts below this many stories per bucket; HyperLogLog++ above. */
  static final int STORY_PRECISION = 10_000;

  /** Width of a band of the sentiment distribution. */
  static final double BAND = 0.2;

  private Requests() {}

  /**
   * The articles of {@code window} that pass the filter's source and language restrictions and,
   * when {@code withQuery}, its query. The query goes in filter context: nothing here is scored.
   */
  static Query scope(AnalyticsFilter f, Window window, boolean withQuery) {
    BoolQuery.Builder bool = new BoolQuery.Builder();
    bool.filter(published(window));
    if (withQuery && !(f.q() instanceof io.pantau.query.QueryNode.MatchAll)) {
      bool.filter(QueryCompiler.compile(f.q()));
    }
    ArticleFilters.sourcesAndLangs(bool, f.sources(), f.langs());
    return Query.of(q -> q.bool(bool.build()));
  }

  static Query published(Window w) {
    return Query.of(
        q ->
            q.range(
                r ->
                    r.untyped(
                        u ->
                            u.field(PUBLISHED)
                                .gte(JsonData.of(w.from().toString()))
                                .lt(JsonData.of(w.to().toString())))));
  }

  /**
   * Volume: a date histogram over the period (empty buckets included) whose buckets count all
   * articles of the scope, with a keyed {@code filters} sub-aggregation {@code s0..sN} counting
   * each series' query in the same pass. The filter's own query narrows the scope of all of them.
   */
  static SearchRequest volume(
      AnalyticsFilter f,
      Window w,
      List<io.pantau.query.QueryNode> series,
      Interval i,
      CountUnit u) {
    Map<String, Query> keyed = new LinkedHashMap<>();
    for (int k = 0; k < series.size(); k++) {
      keyed.put(seriesKey(k), QueryCompiler.compile(series.get(k)));
    }
    Aggregation.Builder.ContainerBuilder perSeries =
        new Aggregation.Builder().filters(fl -> fl.filters(b -> b.keyed(keyed)));
    if (u == CountUnit.stories) {
      perSeries.aggregations("stories", stories());
    }
    Aggregation seriesAgg = perSeries.build();
    return SearchRequest.of(
        s ->
            s.index(IndexNames.ARTICLES)
                .size(0)
                .query(scope(f, w, true))
                .aggregations(
                    "t",
                    a -> {
                      Aggregation.Builder.ContainerBuilder c = histogram(a, f, w, i);
                      c.aggregations("series", seriesAgg);
                      if (u == CountUnit.stories) {
                        c.aggregations("stories", stories());
                      }
                      return c;
                    }));
  }

  static String seriesKey(int k) {
    return "s" + k;
  }

  /**
   * Sentiment: per bucket the mean score and the three label counts; over the period the
   * distribution of scores in bands of {@link #BAND}.
   */
  static SearchRequest sentiment(AnalyticsFilter f, Window w, Interval i) {
    Map<String, Query> labels = new LinkedHashMap<>();
    for (String l : List.of("positive", "neutral", "negative")) {
      labels.put(l, Query.of(q -> q.term(t -> t.field(LABEL).value(l))));
    }
    return SearchRequest.of(
        s ->
            s.index(IndexNames.ARTICLES)
                .size(0)
                .query(scope(f, w, true))
                .aggregations(
                    "t",
                    a ->
                        histogram(a, f, w, i)
                            .aggregations("score", x -> x.avg(av -> av.field(SCORE)))
                            .aggregations(
                                "labels", x -> x.filters(fl -> fl.filters(b -> b.keyed(labels)))))
                .aggregations("distribution", a -> a.range(r -> r.field(SCORE).ranges(bands()))));
  }

  /** The ten bands from -1 to 1; the outer ones are open so that -1 and 1 are counted. */
  static List<AggregationRange> bands() {
    List<AggregationRange> ranges = new ArrayList<>();
    for (int k = 0; k < 10; k++) {
      Double from = k == 0 ? null : bandEdge(k);
      Double to = k == 9 ? null : bandEdge(k + 1);
      ranges.add(AggregationRange.of(r -> r.from(from).to(to)));
    }
    return ranges;
  }

  /** The k-th edge, -1 + 0.2k, rounded so that the edges print as 0.2 steps. */
  static double bandEdge(int k) {
    return Math.round((-1 + BAND * k) * 10) / 10.0;
  }

  /** The most frequent values of a keyword field; with the total when {@code withTotal}. */
  static SearchRequest terms(AnalyticsFilter f, Window w, String field, int size, boolean total) {
    return SearchRequest.of(
        s ->
            s.index(IndexNames.ARTICLES)
                .size(0)
                .trackTotalHits(t -> t.enabled(total))
                .query(scope(f, w, true))
                .aggregations(
                    "terms",
                    a ->
                        a.terms(
                            t ->
                                t.field(field)
                                    .size(size)
                                    .order(
                                        NamedValue.of("_count", SortOrder.Desc),
                                        NamedValue.of("_key", SortOrder.Asc)))));
  }

  /**
   * Trending: over both periods at once, the period and previous totals ({@code periods}) and the
   * {@code candidates} terms most frequent in the period, each with its count in both ({@code
   * terms}, ordered by the {@code cur} sub-bucket).
   */
  static SearchRequest trending(AnalyticsFilter f, Window w, String field, int candidates) {
    Window prev = w.previous();
    Window both = new Window(prev.from(), w.to());
    return SearchRequest.of(
        s ->
            s.index(IndexNames.ARTICLES)
                .size(0)
                .query(scope(f, both, true))
                .aggregations(
                    "periods",
                    a ->
                        a.filters(
                            fl ->
                                fl.filters(
                                    b ->
                                        b.keyed(
                                            Map.of("cur", published(w), "prev", published(prev))))))
                .aggregations("terms", comparedTerms(field, candidates, w, prev)));
  }

  /**
   * The terms of a field most frequent in {@code cur}, each with its count in {@code cur} and in
   * {@code prev}; shared by trending and the daily rollup.
   */
  static Aggregation comparedTerms(String field, int candidates, Window cur, Window prev) {
    return Aggregation.of(
        a ->
            a.terms(
                    t ->
                        t.field(field)
                            .size(candidates)
                            .order(
                                NamedValue.of("cur", SortOrder.Desc),
                                NamedValue.of("_key", SortOrder.Asc)))
                .aggregations(
                    "cur",
                    x ->
                        x.filter(published(cur))
                            .aggregations("score", y -> y.stats(st -> st.field(SCORE))))
                .aggregations("prev", x -> x.filter(published(prev))));
  }

  /**
   * One day of the trends rollup: over the day and the {@code referenceDays} before it, the day's
   * and the reference totals with the day's sentiment ({@code periods}), and per {@link TrendKind}
   * the day's {@code termsPerDay} most frequent terms with their counts in both.
   */
  static SearchRequest rollupDay(Window day, Window reference, int termsPerDay) {
    Window both = new Window(reference.from(), day.to());
    return SearchRequest.of(
        s -> {
          s.index(IndexNames.ARTICLES)
              .size(0)
              .query(q -> q.bool(b -> b.filter(published(both))))
              .aggregations(
                  "periods",
                  a ->
                      a.filters(
                              fl ->
                                  fl.filters(
                                      b ->
                                          b.keyed(
                                              Map.of(
                                                  "cur", published(day),
                                                  "prev", published(reference)))))
                          .aggregations("score", x -> x.stats(st -> st.field(SCORE))));
          for (TrendKind k : TrendKind.values()) {
            if (k.field != null) {
              s.aggregations(k.name(), comparedTerms(k.field, termsPerDay, day, reference));
            }
          }
          return s;
        });
  }

  private static Aggregation.Builder.ContainerBuilder histogram(
      Aggregation.Builder a, AnalyticsFilter f, Window w, Interval i) {
    long min = w.from().toEpochMilli();
    long max = w.to().toEpochMilli() - 1;
    return a.dateHistogram(
        h ->
            h.field(PUBLISHED)
                .calendarInterval(i.calendar)
                .timeZone(f.tz().getId())
                .minDocCount(0)
                .extendedBounds(
                    e ->
                        e.min(FieldDateMath.of(m -> m.value(min)))
                            .max(FieldDateMath.of(m -> m.value(max)))));
  }

  private static Aggregation stories() {
    return Aggregation.of(
        a -> a.cardinality(c -> c.field(STORY).precisionThreshold(STORY_PRECISION)));
  }

  static Instant bucketStart(long key) {
    return Instant.ofEpochMilli(key);
  }
}
