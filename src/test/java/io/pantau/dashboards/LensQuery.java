package io.pantau.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Translates one Lens form-based layer into the Elasticsearch search Kibana sends for it (buckets
 * nested in column order, metrics under the innermost bucket), and checks the answer.
 */
final class LensQuery {
  private final List<JsonNode> buckets = new ArrayList<>();
  private final List<String> bucketIds = new ArrayList<>();
  private final List<JsonNode> metrics = new ArrayList<>();
  private final List<String> metricIds = new ArrayList<>();
  private final JsonNode columns;

  LensQuery(JsonNode layer) {
    this.columns = layer.path("columns");
    for (JsonNode id : layer.path("columnOrder")) {
      JsonNode c = columns.path(id.asText());
      (c.path("isBucketed").asBoolean() ? bucketIds : metricIds).add(id.asText());
      (c.path("isBucketed").asBoolean() ? buckets : metrics).add(c);
    }
  }

  /** The request body over the time window, with the layer's Lucene query if it has one. */
  ObjectNode request(String timeField, String from, String to, String lucene) {
    ObjectNode body = Bundle.JSON.createObjectNode().put("size", 0).put("track_total_hits", true);
    ObjectNode bool = body.putObject("query").putObject("bool");
    bool.putArray("filter")
        .addObject()
        .putObject("range")
        .putObject(timeField)
        .put("gte", from)
        .put("lte", to)
        .put("format", "strict_date_optional_time");
    if (!lucene.isBlank()) {
      bool.withArray("filter").addObject().putObject("query_string").put("query", lucene);
    }
    ObjectNode inner = metricAggs();
    for (int i = buckets.size() - 1; i >= 0; i--) {
      ObjectNode level = Bundle.JSON.createObjectNode();
      ObjectNode agg = level.putObject(bucketIds.get(i));
      bucketAgg(agg, buckets.get(i));
      if (!inner.isEmpty()) {
        agg.set("aggs", inner);
      }
      inner = level;
    }
    if (!inner.isEmpty()) {
      body.set("aggs", inner);
    }
    return body;
  }

  private void bucketAgg(ObjectNode agg, JsonNode c) {
    String field = c.path("sourceField").asText();
    JsonNode p = c.path("params");
    switch (c.path("operationType").asText()) {
      case "date_histogram" -> {
        // Kibana turns "auto" into a fixed interval fitting the time range; a day suits the test.
        String interval = p.path("interval").asText();
        ObjectNode h = agg.putObject("date_histogram").put("field", field);
        h.put("fixed_interval", interval.equals("auto") ? "1d" : interval);
        h.put("time_zone", "UTC")
            .put("min_doc_count", p.path("includeEmptyRows").asBoolean() ? 0 : 1);
      }
      case "terms" -> {
        ObjectNode t =
            agg.putObject("terms").put("field", field).put("size", p.path("size").asInt());
        JsonNode orderBy = p.path("orderBy");
        String dir = p.path("orderDirection").asText("desc");
        if (orderBy.path("type").asText().equals("column")) {
          String target = orderBy.path("columnId").asText();
          JsonNode m = columns.path(target);
          if (isDocCount(m)) {
            t.putObject("order").put("_count", dir);
          } else {
            t.putObject("order").put(target, dir);
            // Kibana orders by a copy of the metric computed at this level.
            agg.withObject("aggs").set(target, metricAgg(m));
          }
        } else {
          t.putObject("order").put("_key", "asc");
        }
      }
      default -> throw new AssertionError("no translation for bucket " + c);
    }
  }

  private ObjectNode metricAggs() {
    ObjectNode aggs = Bundle.JSON.createObjectNode();
    for (int i = 0; i < metrics.size(); i++) {
      if (!isDocCount(metrics.get(i))) {
        aggs.set(metricIds.get(i), metricAgg(metrics.get(i)));
      }
    }
    return aggs;
  }

  private static boolean isDocCount(JsonNode c) {
    return c.path("operationType").asText().equals("count")
        && c.path("sourceField").asText().equals(Lens.RECORDS)
        && !c.has("filter");
  }

  private static ObjectNode metricAgg(JsonNode c) {
    String field = c.path("sourceField").asText();
    String op = c.path("operationType").asText();
    ObjectNode agg = Bundle.JSON.createObjectNode();
    if (op.equals("count") && field.equals(Lens.RECORDS)) {
      // A filtered document count: the filter agg's doc_count is the value.
      agg.putObject("filter")
          .putObject("query_string")
          .put("query", c.path("filter").path("query").asText());
      return agg;
    }
    String esAgg =
        switch (op) {
          case "count" -> "value_count";
          case "unique_count" -> "cardinality";
          case "average" -> "avg";
          case "sum" -> "sum";
          case "min" -> "min";
          case "max" -> "max";
          default -> throw new AssertionError("no translation for metric " + c);
        };
    ObjectNode inner = Bundle.JSON.createObjectNode();
    inner.putObject(esAgg).put("field", field);
    if (c.has("filter")) {
      agg.putObject("filter")
          .putObject("query_string")
          .put("query", c.path("filter").path("query").asText());
      agg.putObject("aggs").set("value", inner);
    } else {
      agg.setAll(inner);
    }
    return agg;
  }

  /**
   * Whether some path through the buckets reaches the innermost level with every metric present
   * (counts positive); an empty bucket list anywhere on the way fails the path.
   */
  boolean hasCompleteRow(JsonNode answer) {
    ObjectNode top = Bundle.JSON.createObjectNode();
    answer.path("aggregations").fields().forEachRemaining(e -> top.set(e.getKey(), e.getValue()));
    // Without buckets, Kibana's document count is the search's total.
    top.put("doc_count", answer.path("hits").path("total").path("value").asLong());
    return complete(top, 0);
  }

  private boolean complete(JsonNode node, int level) {
    if (level == buckets.size()) {
      for (int i = 0; i < metrics.size(); i++) {
        JsonNode c = metrics.get(i);
        double v = value(node, metricIds.get(i), c);
        boolean counting =
            Set.of("count", "unique_count").contains(c.path("operationType").asText());
        if (counting ? !(v > 0) : Double.isNaN(v)) {
          return false;
        }
      }
      return true;
    }
    for (JsonNode b : node.path(bucketIds.get(level)).path("buckets")) {
      if (complete(b, level + 1)) {
        return true;
      }
    }
    return false;
  }

  /** The first bucket level's bucket count (or 1 for a layer without buckets). */
  int outerBuckets(JsonNode aggregations) {
    return buckets.isEmpty() ? 1 : aggregations.path(bucketIds.get(0)).path("buckets").size();
  }

  private static double value(JsonNode bucket, String id, JsonNode c) {
    if (isDocCount(c)) {
      return bucket.path("doc_count").asDouble();
    }
    JsonNode agg = bucket.path(id);
    if (agg.has("doc_count") && c.path("operationType").asText().equals("count")) {
      return agg.path("doc_count").asDouble();
    }
    if (agg.has("doc_count")) {
      agg = agg.path("value");
    }
    JsonNode v = agg.path("value");
    return v.isNumber() ? v.asDouble() : Double.NaN;
  }
}
