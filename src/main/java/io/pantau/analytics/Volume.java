package io.pantau.analytics;

import java.time.Instant;
import java.util.List;

/**
 * Article (or story) counts over time, one series per query.
 *
 * @param interval the bucket width
 * @param unit what {@code count} counts
 * @param series one per query, in the order asked
 */
public record Volume(Interval interval, CountUnit unit, List<Series> series) {

  /**
   * One query's points.
   *
   * @param key the query text, or {@code all} for no query
   * @param points one per bucket of the period, empty buckets included, oldest first
   */
  public record Series(String key, List<Point> points) {}

  /**
   * One bucket.
   *
   * @param t the bucket's start
   * @param count matching articles (or stories) in the bucket
   * @param share {@code count} divided by all articles (or stories) of the bucket under the same
   *     period, source and language filters but without the query; 0 when there are none
   */
  public record Point(Instant t, long count, double share) {}
}
