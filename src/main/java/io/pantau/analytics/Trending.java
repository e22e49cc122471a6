package io.pantau.analytics;

import java.time.Instant;
import java.util.List;

/**
 * Terms unusually frequent in a period compared with the period of equal length before it.
 *
 * @param field the article field counted
 * @param from start of the period
 * @param to end of the period (exclusive)
 * @param previousFrom start of the previous period, which ends at {@code from}
 * @param total articles in the period
 * @param previousTotal articles in the previous period
 * @param items highest score first; only terms whose score is above 0
 */
public record Trending(
    TermField field,
    Instant from,
    Instant to,
    Instant previousFrom,
    long total,
    long previousTotal,
    List<Item> items) {

  /**
   * One rising term.
   *
   * @param term the value as stored
   * @param count articles in the period that carry it
   * @param previousCount articles in the previous period that carry it
   * @param score {@link TrendingScore#score}
   */
  public record Item(String term, long count, long previousCount, double score) {}
}
