package io.pantau.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StatsAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.pantau.config.PantauConfig;
import io.pantau.index.IndexBootstrap;
import io.pantau.index.IndexUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Materialises daily trends into {@code pantau-trends}: per UTC day, one document for all articles
 * (kind {@code all}, term {@code *}) and one per frequent term of each {@link TrendKind}, with its
 * count, its share of the day, its mean sentiment and its {@link TrendingScore} against the 7 days
 * before. Idempotent: document ids are {@code kind|term|day}, and documents of a recomputed day
 * whose term no longer ranks are deleted.
 */
@ApplicationScoped
public class TrendsRollup {
  /** Days the trending score of a day is compared with. */
  public static final int REFERENCE_DAYS = 7;

  /** Most days one rollup call may cover. */
  public static final int MAX_DAYS = 400;

  private final ElasticsearchClient es;
  private final IndexBootstrap bootstrap;
  private final TrendsIndex index;
  private final PantauConfig config;

  TrendsRollup(
      ElasticsearchClient es, IndexBootstrap bootstrap, TrendsIndex index, PantauConfig config) {
    this.es = es;
    this.bootstrap = bootstrap;
    this.index = index;
    this.config = config;
  }

  /**
   * Rolls up the UTC days {@code [from, to)}.
   *
   * @param refresh make the written documents visible to search before returning
   * @throws IllegalArgumentException when {@code from} is not before {@code to} or the range is
   *     longer than {@link #MAX_DAYS}
   */
  public RollupResult rollup(LocalDate from, LocalDate to, boolean refresh) {
    long days = ChronoUnit.DAYS.between(from, to);
    if (days < 1) {
      throw new IllegalArgumentException("from must be before to");
    }
    if (days > MAX_DAYS) {
      throw new IllegalArgumentException("at most " + MAX_DAYS + " days can be rolled up at once");
    }
    bootstrap.bootstrap();
    index.ensure();
    long written = 0;
    long deleted = 0;
    for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
      List<TrendDocument> docs = day(d);
      Set<String> stale = existingIds(d);
      docs.forEach(doc -> stale.remove(doc.id()));
      if (docs.isEmpty() && stale.isEmpty()) {
        continue;
      }
      BulkRequest.Builder bulk = new BulkRequest.Builder();
      for (TrendDocument doc : docs) {
        bulk.operations(op -> op.index(i -> i.index(TrendsIndex.NAME).id(doc.id()).document(doc)));
      }
      for (String id : stale) {
        bulk.operations(op -> op.delete(x -> x.index(TrendsIndex.NAME).id(id)));
      }
      if (refresh) {
        bulk.refresh(Refresh.WaitFor);
      }
      BulkResponse r = Es.call(() -> es.bulk(bulk.build()));
      if (r.errors()) {
        String reason =
            r.items().stream()
                .filter(it -> it.error() != null)
                .map(it -> it.id() + ": " + it.error().reason())
                .findFirst()
                .orElse("unknown");
        throw new IndexUnavailableException("Trend documents were not written: " + reason, null);
      }
      written += docs.size();
      deleted += stale.size();
    }
    return new RollupResult(from, to, (int) days, written, deleted);
  }

  /** Rolls up the configured number of most recent days, today included. */
  public RollupResult rollupRecent() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    int back = Math.max(1, config.trends().lookbackDays());
    return rollup(today.minusDays(back - 1L), today.plusDays(1), false);
  }

  /** The trend documents of one UTC day, computed with one request. */
  List<TrendDocument> day(LocalDate d) {
    Instant start = d.atStartOfDay(ZoneOffset.UTC).toInstant();
    Window day = new Window(start, start.plus(1, ChronoUnit.DAYS));
    Window reference = new Window(start.minus(REFERENCE_DAYS, ChronoUnit.DAYS), start);
    SearchResponse<Void> r =
        Es.call(
            () ->
                es.search(
                    Requests.rollupDay(day, reference, config.trends().termsPerDay()), Void.class));
    Map<String, FiltersBucket> periods =
        r.aggregations().get("periods").filters().buckets().keyed();
    FiltersBucket cur = periods.get("cur");
    long n = cur.docCount();
    long m = periods.get("prev").docCount();
    List<TrendDocument> docs = new ArrayList<>();
    if (n == 0) {
      return docs;
    }
    String dayText = d.toString();
    docs.add(
        new TrendDocument(
            id(TrendKind.all, "*", dayText),
            start.toString(),
            TrendKind.all.name(),
            "*",
            n,
            1.0,
            avg(cur.aggregations().get("score").stats()),
            TrendingScore.score(n, n, m, m)));
    for (TrendKind k : TrendKind.values()) {
      if (k.field == null) {
        continue;
      }
      Aggregate a = r.aggregations().get(k.name());
      if (!a.isSterms()) {
        continue;
      }
      for (StringTermsBucket b : a.sterms().buckets().array()) {
        Aggregate curAgg = b.aggregations().get("cur");
        long c = curAgg.filter().docCount();
        if (c == 0) {
          continue;
        }
        long p = b.aggregations().get("prev").filter().docCount();
        String term = b.key().stringValue();
        docs.add(
            new TrendDocument(
                id(k, term, dayText),
                start.toString(),
                k.name(),
                term,
                c,
                (double) c / n,
                avg(curAgg.filter().aggregations().get("score").stats()),
                TrendingScore.score(c, n, p, m)));
      }
    }
    return docs;
  }

  static String id(TrendKind kind, String term, String day) {
    return kind.name() + "|" + term + "|" + day;
  }

  private Set<String> existingIds(LocalDate d) {
    String day = d.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    SearchResponse<Void> r =
        Es.call(
            () ->
                es.search(
                    s ->
                        s.index(TrendsIndex.NAME)
                            .size(10_000)
                            .source(src -> src.fetch(false))
                            .query(q -> q.term(t -> t.field("day").value(day))),
                    Void.class));
    Set<String> ids = new HashSet<>();
    for (Hit<Void> h : r.hits().hits()) {
      ids.add(h.id());
    }
    return ids;
  }

  private static Double avg(StatsAggregate s) {
    return s.count() == 0 ? null : s.avg();
  }
}
