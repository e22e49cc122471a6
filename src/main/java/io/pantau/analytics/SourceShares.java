package io.pantau.analytics;

import java.util.List;

/**
 * Articles per source.
 *
 * @param total all matching articles
 * @param items most prolific first
 */
public record SourceShares(long total, List<Item> items) {

  /**
   * One source.
   *
   * @param source the source as stored
   * @param count its matching articles
   * @param share {@code count / total}; 0 when {@code total} is 0
   */
  public record Item(String source, long count, double share) {}
}
