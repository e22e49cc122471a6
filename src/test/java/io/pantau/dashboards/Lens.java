package io.pantau.dashboards;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Small builders for Lens columns and visualization states, so that {@link DashboardCatalog} reads
 * as a list of charts rather than as nested JSON. Every chart has exactly one form-based layer.
 */
final class Lens {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String LAYER = "layer1";
  static final String RECORDS = "___records___";

  private Lens() {}

  /** A Lens column: its id in the layer and its JSON. */
  record Column(String id, ObjectNode json) {}

  static Column dateHistogram(String id, String field) {
    ObjectNode c = column("Date", "date", "date_histogram", field, true, "interval");
    c.putObject("params")
        .put("interval", "auto")
        .put("includeEmptyRows", true)
        .put("dropPartials", false);
    return new Column(id, c);
  }

  /** Top {@code size} values of a keyword field, ordered by another column of the layer. */
  static Column terms(
      String id, String label, String field, int size, String orderByColumn, String direction) {
    ObjectNode c = column(label, "string", "terms", field, true, "ordinal");
    ObjectNode p = c.putObject("params").put("size", size);
    p.putObject("orderBy").put("type", "column").put("columnId", orderByColumn);
    p.put("orderDirection", direction).put("otherBucket", false).put("missingBucket", false);
    p.putObject("parentFormat").put("id", "terms");
    return new Column(id, c);
  }

  static Column count(String id, String label) {
    ObjectNode c = column(label, "number", "count", RECORDS, false, "ratio");
    c.putObject("params").put("emptyAsNull", false);
    return new Column(id, c);
  }

  /** Counts only the documents matching a Lucene query (Kibana wraps it in a filter agg). */
  static Column countWhere(String id, String label, String lucene) {
    Column c = count(id, label);
    c.json().putObject("filter").put("query", lucene).put("language", "lucene");
    return c;
  }

  /** A numeric metric such as average, max, sum or unique_count. */
  static Column metric(String id, String label, String operation, String field) {
    ObjectNode c = column(label, "number", operation, field, false, "ratio");
    c.putObject("params").put("emptyAsNull", true);
    return new Column(id, c);
  }

  private static ObjectNode column(
      String label,
      String dataType,
      String operation,
      String field,
      boolean bucketed,
      String scale) {
    ObjectNode c = JSON.createObjectNode();
    c.put("label", label).put("customLabel", true).put("dataType", dataType);
    c.put("operationType", operation).put("sourceField", field).put("isBucketed", bucketed);
    c.put("scale", scale);
    return c;
  }

  /** A bar, line or area chart; {@code split} may be null. */
  static ObjectNode xy(String seriesType, String x, List<String> accessors, String split) {
    ObjectNode v = JSON.createObjectNode();
    v.putObject("legend").put("isVisible", true).put("position", "right");
    v.put("valueLabels", "hide").put("preferredSeriesType", seriesType);
    ObjectNode layer = v.putArray("layers").addObject();
    layer.put("layerId", LAYER).put("layerType", "data").put("seriesType", seriesType);
    layer.put("xAccessor", x);
    accessors.forEach(layer.putArray("accessors")::add);
    if (split != null) {
      layer.put("splitAccessor", split);
    }
    return v;
  }

  static ObjectNode pie(String shape, String group, String metric) {
    ObjectNode v = JSON.createObjectNode().put("shape", shape);
    ObjectNode layer = v.putArray("layers").addObject();
    layer.put("layerId", LAYER).put("layerType", "data");
    layer.putArray("primaryGroups").add(group);
    layer.putArray("metrics").add(metric);
    layer.put("numberDisplay", "percent").put("categoryDisplay", "default");
    layer.put("legendDisplay", "default").put("nestedLegend", false);
    return v;
  }

  static ObjectNode table(List<String> columns) {
    ObjectNode v = JSON.createObjectNode().put("layerId", LAYER).put("layerType", "data");
    ArrayNode cols = v.putArray("columns");
    columns.forEach(id -> cols.addObject().put("columnId", id).put("isTransposed", false));
    return v;
  }

  static ObjectNode metricTile(String metric, String secondary) {
    ObjectNode v = JSON.createObjectNode().put("layerId", LAYER).put("layerType", "data");
    v.put("metricAccessor", metric);
    if (secondary != null) {
      v.put("secondaryMetricAccessor", secondary);
    }
    return v;
  }

  static ObjectNode tagCloud(String tag, String value) {
    ObjectNode v = JSON.createObjectNode().put("layerId", LAYER).put("layerType", "data");
    v.put("tagAccessor", tag).put("valueAccessor", value);
    v.put("maxFontSize", 72).put("minFontSize", 14).put("orientation", "single");
    v.put("showLabel", false);
    return v;
  }

  /** The attributes of a Lens saved object over one data view. */
  static ObjectNode attributes(
      String title,
      String visualizationType,
      ObjectNode visualization,
      String lucene,
      Column... cs) {
    ObjectNode a = JSON.createObjectNode().put("title", title).put("description", "");
    a.put("visualizationType", visualizationType);
    ObjectNode state = a.putObject("state");
    state.set("visualization", visualization);
    state.putObject("query").put("query", lucene).put("language", "lucene");
    state.putArray("filters");
    ObjectNode layer =
        state
            .putObject("datasourceStates")
            .putObject("formBased")
            .putObject("layers")
            .putObject(LAYER);
    ArrayNode order = layer.putArray("columnOrder");
    ObjectNode columns = layer.putObject("columns");
    for (Column c : cs) {
      order.add(c.id());
      columns.set(c.id(), c.json());
    }
    layer.putObject("incompleteColumns");
    layer.put("sampling", 1);
    state.putArray("internalReferences");
    state.putObject("adHocDataViews");
    return a;
  }
}
