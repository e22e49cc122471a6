package io.pantau.index;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.AggregationRange;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.util.NamedValue;
import io.pantau.query.QueryNode;
import io.pantau.query.Selection;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the aggregation-only requests behind {@link ArticleAggregations}, one per question. Pure:
 * no client, so the request shapes are unit-tested as JSON. The scope of each is {@link
 * SelectionQuery#scope}: a selection whose period has both ends.
 */
final class AggregationRequests {
  /** Exact distinct counts below this many stories per bucket; HyperLogLog++ above. */
  static final int STORY_PRECISION = 10_000;

  /** Width of a band of the sentiment distribution. */
  static final double BAND = 0.2;

  /** The sentiment labels counted per bucket, in the order they are reported. */
  static final List<String> LABELS = List.of("positive", "neutral", "negative");

  private AggregationRequests() {}

  /**
   * Volume: a date histogram over the period (empty buckets included) whose buckets count all
   * articles of the scope, with a keyed {@code filters} sub-aggregation {@code s0..sN} counting
   * each series' query in the same pass. The scope's own query narrows all of them.
   */
  static SearchRequest volume(
      Selection scope,
      ChronoUnit interval,
      ZoneId tz,
      List<QueryNode> series,
      boolean distinctStories) {
    Map<String, Query> keyed = new LinkedHashMap<>();
    for (int k = 0; k < series.size(); k++) {
      keyed.put(seriesKey(k), QueryCompiler.compile(series.get(k)));
    }
    Aggregation.Builder.ContainerBuilder perSeries =
        new Aggregation.Builder().filters(fl -> fl.filters(b -> b.keyed(keyed)));
    if (distinctStories) {
      perSeries.aggregations("stories", stories());
    }
    Aggregation seriesAgg = perSeries.build();
    return SearchRequest.of(
        s ->
            s.index(IndexNames.ARTICLES)
                .size(0)
                .query(SelectionQuery.scope(scope))
                .aggregations(
                    "t",
                    a -> {
                      Aggregation.Builder.ContainerBuilder c = histogram(a, scope, interval, tz);
                      c.aggregations("series", seriesAgg);
                      if (distinctStories) {
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
  static SearchRequest sentiment(Selection scope, ChronoUnit interval, ZoneId tz) {
    Map<String, Query> labels = new LinkedHashMap<>();
    for (String l : LABELS) {
      labels.put(l, Query.of(q -> q.term(t -> t.field(Fields.SENTIMENT_LABEL).value(l))));
    }
    return SearchRequest.of(
        s ->
            s.index(IndexNames.ARTICLES)
                .size(0)
                .query(SelectionQuery.scope(scope))
                .aggregations(
                    "t",
                    a ->
                        histogram(a, scope, interval, tz)
                            .aggregations(
                                "score", x -> x.avg(av -> av.field(Fields.SENTIMENT_SCORE)))
                            .aggregations(
                                "labels", x -> x.filters(fl -> fl.filters(b -> b.keyed(labels)))))
                .aggregations(
                    "distribution",
                    a -> a.range(r -> r.field(Fields.SENTIMENT_SCORE).ranges(bands()))));
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

  /** The most frequent values of a keyword field; with the total when {@code total}. */
  static SearchRequest terms(Selection scope, String field, int size, boolean total) {
    return SearchRequest.of(
        s ->
            s.index(IndexNames.ARTICLES)
                .size(0)
                .trackTotalHits(t -> t.enabled(total))
                .query(SelectionQuery.scope(scope))
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
   * Trending: over both periods at once (the scope's and the previous one, {@code [previousFrom,
   * scope.from)}), the period and previous totals ({@code periods}) and the {@code candidates}
   * terms most frequent in the period, each with its count in both ({@code terms}, ordered by the
   * {@code cur} sub-bucket).
   */
  static SearchRequest trending(
      Selection scope, Instant previousFrom, String field, int candidates) {
    Instant from = scope.from().orElseThrow();
    Instant to = scope.to().orElseThrow();
    Selection both = scope.within(previousFrom, to);
    return SearchRequest.of(
        s ->
            s.index(IndexNames.ARTICLES)
                .size(0)
                .query(SelectionQuery.scope(both))
                .aggregations(
                    "periods",
                    a ->
                        a.filters(
                            fl ->
                                fl.filters(
                                    b ->
                                        b.keyed(
                                            Map.of(
                                                "cur",
                                                SelectionQuery.published(from, to),
                                                "prev",
                                                SelectionQuery.published(previousFrom, from))))))
                .aggregations(
                    "terms", comparedTerms(field, candidates, from, to, previousFrom, from)));
  }

  /**
   * The terms of a field most frequent in {@code cur}, each with its count in {@code cur} and in
   * {@code prev}; shared by trending and the daily rollup.
   */
  static Aggregation comparedTerms(
      String field,
      int candidates,
      Instant curFrom,
      Instant curTo,
      Instant prevFrom,
      Instant prevTo) {
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
                        x.filter(SelectionQuery.published(curFrom, curTo))
                            .aggregations(
                                "score", y -> y.stats(st -> st.field(Fields.SENTIMENT_SCORE))))
                .aggregations("prev", x -> x.filter(SelectionQuery.published(prevFrom, prevTo))));
  }

  /**
   * One day of the trends rollup: over the day {@code [dayFrom, dayTo)} and the reference period
   * {@code [referenceFrom, dayFrom)} before it, the day's and the reference totals with the day's
   * sentiment ({@code periods}), and per named field the day's {@code termsPerDay} most frequent
   * terms with their counts in both, under that name.
   */
  static SearchRequest rollupDay(
      Instant dayFrom,
      Instant dayTo,
      Instant referenceFrom,
      Map<String, String> fieldsByName,
      int termsPerDay) {
    return SearchRequest.of(
        s -> {
          s.index(IndexNames.ARTICLES)
              .size(0)
              .query(q -> q.bool(b -> b.filter(SelectionQuery.published(referenceFrom, dayTo))))
              .aggregations(
                  "periods",
                  a ->
                      a.filters(
                              fl ->
                                  fl.filters(
                                      b ->
                                          b.keyed(
                                              Map.of(
                                                  "cur",
                                                  SelectionQuery.published(dayFrom, dayTo),
                                                  "prev",
                                                  SelectionQuery.published(
                                                      referenceFrom, dayFrom)))))
                          .aggregations(
                              "score", x -> x.stats(st -> st.field(Fields.SENTIMENT_SCORE))));
          fieldsByName.forEach(
              (name, field) ->
                  s.aggregations(
                      name,
                      comparedTerms(field, termsPerDay, dayFrom, dayTo, referenceFrom, dayFrom)));
          return s;
        });
  }

  private static Aggregation.Builder.ContainerBuilder histogram(
      Aggregation.Builder a, Selection scope, ChronoUnit interval, ZoneId tz) {
    long min = scope.from().orElseThrow().toEpochMilli();
    long max = scope.to().orElseThrow().toEpochMilli() - 1;
    return a.dateHistogram(
        h ->
            h.field(Fields.PUBLISHED)
                .calendarInterval(calendar(interval))
                .timeZone(tz.getId())
                .minDocCount(0)
                .extendedBounds(
                    e ->
                        e.min(FieldDateMath.of(m -> m.value(min)))
                            .max(FieldDateMath.of(m -> m.value(max)))));
  }

  /** The calendar interval of a bucket width; calendar-aware, weeks start Monday. */
  static CalendarInterval calendar(ChronoUnit unit) {
    return switch (unit) {
      case HOURS -> CalendarInterval.Hour;
      case DAYS -> CalendarInterval.Day;
      case WEEKS -> CalendarInterval.Week;
      case MONTHS -> CalendarInterval.Month;
      default -> throw new IllegalArgumentException("no calendar interval of one " + unit);
    };
  }

  private static Aggregation stories() {
    return Aggregation.of(
        a -> a.cardinality(c -> c.field(Fields.STORY_ID).precisionThreshold(STORY_PRECISION)));
  }
}
