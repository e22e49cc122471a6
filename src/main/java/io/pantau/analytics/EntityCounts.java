package io.pantau.analytics;

import java.util.List;

/**
 * The most mentioned entities of one type.
 *
 * @param type the entity type
 * @param items most mentioned first
 */
public record EntityCounts(EntityType type, List<Item> items) {

  /**
   * One entity.
   *
   * @param name the canonical name
   * @param count articles that mention it
   */
  public record Item(String name, long count) {}
}
