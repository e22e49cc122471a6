package io.pantau.analytics;

import java.time.Instant;
import java.util.List;

/**
 * Sentiment over time and its distribution over the whole period.
 *
 * @param interval the bucket width
 * @param points one per bucket, empty buckets included, oldest first
 * @param distribution how many articles fall in each 0.2-wide band of {@code sentiment.score}, from
 *     -1 to 1
 */
public record SentimentTimeline(Interval interval, List<Point> points, List<Band> distribution) {

  /**
   * One bucket.
   *
   * @param t the bucket's start
   * @param count articles in the bucket
   * @param avg mean {@code sentiment.score} of the bucket's articles that have one; null if none
   * @param positive articles labelled positive
   * @param neutral articles labelled neutral
   * @param negative articles labelled negative
   */
  public record Point(
      Instant t, long count, Double avg, long positive, long neutral, long negative) {}

  /**
   * Articles whose score lies in {@code [from, to)}; the last band also holds a score of 1.
   *
   * @param from lower bound of the band
   * @param to upper bound of the band
   * @param count articles in it
   */
  public record Band(double from, double to, long count) {}
}
