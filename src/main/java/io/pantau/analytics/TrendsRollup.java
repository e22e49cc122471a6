package io.pantau.analytics;

import io.pantau.config.PantauConfig;
import io.pantau.index.ArticleAggregations;
import io.pantau.index.ArticleAggregations.ComparedTerm;
import io.pantau.index.ArticleAggregations.Comparison;
import io.pantau.index.TrendDocument;
import io.pantau.index.TrendStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  private final ArticleAggregations articles;
  private final TrendStore trends;
  private final PantauConfig config;

  TrendsRollup(ArticleAggregations articles, TrendStore trends, PantauConfig config) {
    this.articles = articles;
    this.trends = trends;
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
    trends.ensure();
    long written = 0;
    long deleted = 0;
    for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
      List<TrendDocument> docs = day(d);
      Set<String> stale = trends.idsOfDay(d.atStartOfDay(ZoneOffset.UTC).toInstant());
      docs.forEach(doc -> stale.remove(doc.id()));
      if (docs.isEmpty() && stale.isEmpty()) {
        continue;
      }
      trends.write(docs, stale, refresh);
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
    Map<String, String> fields = new LinkedHashMap<>();
    for (TrendKind k : TrendKind.values()) {
      if (k.field != null) {
        fields.put(k.name(), k.field);
      }
    }
    Comparison r =
        articles.compareDay(
            day.from(), day.to(), reference.from(), fields, config.trends().termsPerDay());
    long n = r.current();
    long m = r.previous();
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
            r.currentAverage(),
            TrendingScore.score(n, n, m, m)));
    for (TrendKind k : TrendKind.values()) {
      if (k.field == null) {
        continue;
      }
      for (ComparedTerm b : r.terms().get(k.name())) {
        long c = b.current();
        if (c == 0) {
          continue;
        }
        long p = b.previous();
        String term = b.term();
        docs.add(
            new TrendDocument(
                id(k, term, dayText),
                start.toString(),
                k.name(),
                term,
                c,
                (double) c / n,
                b.currentAverage(),
                TrendingScore.score(c, n, p, m)));
      }
    }
    return docs;
  }

  static String id(TrendKind kind, String term, String day) {
    return kind.name() + "|" + term + "|" + day;
  }
}
