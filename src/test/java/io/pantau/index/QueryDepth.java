package io.pantau.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** How deeply query objects nest in a query's JSON, which Elasticsearch limits. */
final class QueryDepth {
  /**
   * Elasticsearch 8 refuses queries nested deeper than {@code indices.query.bool.max_nested_depth}
   * (30 by default, counting every compound query); keeping a compiled query within 20 leaves room
   * for the filters the search service wraps around it.
   */
  static final int LIMIT = 20;

  private static final Set<String> QUERIES =
      Set.of(
          "bool",
          "match",
          "match_phrase",
          "prefix",
          "term",
          "match_all",
          "match_none",
          "span_near",
          "span_or",
          "span_multi",
          "span_term");

  private QueryDepth() {}

  static int of(String json) {
    try {
      return of(new ObjectMapper().readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static int of(JsonNode node) {
    int deepest = 0;
    if (node.isArray()) {
      for (JsonNode n : node) {
        deepest = Math.max(deepest, of(n));
      }
      return deepest;
    }
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      int below = of(e.getValue());
      deepest = Math.max(deepest, QUERIES.contains(e.getKey()) ? below + 1 : below);
    }
    return deepest;
  }
}
