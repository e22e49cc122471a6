package io.pantau.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The offline checklist of the saved-object bundle: everything Kibana checks or trips over. */
class DashboardBundleTest {
  private static final Set<String> TYPES =
      Set.of("index-pattern", "lens", "visualization", "search", "dashboard");
  private static final Set<String> INSTANCE_METADATA =
      Set.of("version", "updated_at", "created_at", "namespaces", "originId", "migrationVersion");
  private static final Set<String> DASHBOARD_ATTRIBUTES =
      Set.of(
          "title",
          "description",
          "kibanaSavedObjectMeta",
          "timeRestore",
          "timeFrom",
          "timeTo",
          "refreshInterval",
          "panelsJSON",
          "optionsJSON",
          "controlGroupInput",
          "version",
          "hits");
  private static final Set<String> CONTROL_GROUP_KEYS =
      Set.of("panelsJSON", "controlStyle", "chainingSystem", "ignoreParentSettingsJSON");
  private static final Pattern ID = Pattern.compile("pantau-[a-z0-9-]+");
  private static final Pattern INTERVAL = Pattern.compile("auto|[1-9][0-9]*(ms|s|m|h|d|w|M|y)");

  // Which Kibana field types each Lens operation accepts (Lens' operation definitions).
  private static final Map<String, Set<String>> OPERATIONS =
      Map.of(
          "date_histogram", Set.of("date"),
          "terms", Set.of("string", "number", "ip", "boolean"),
          "count", Set.of("string", "number", "ip", "boolean", "date"),
          "unique_count", Set.of("string", "number", "ip", "boolean", "date"),
          "average", Set.of("number"),
          "sum", Set.of("number"),
          "median", Set.of("number"),
          "min", Set.of("number", "date"),
          "max", Set.of("number", "date"));

  private static final String STALE =
      "dashboards/pantau-dashboards.ndjson differs from DashboardCatalog: run this test with"
          + " -Dpantau.dashboards.write=true";

  private final Bundle bundle = Bundle.committed();

  private FieldTypes fieldsOf(JsonNode dataView) {
    String title = dataView.path("attributes").path("title").asText();
    return switch (title) {
      case "pantau-articles*" -> FieldTypes.load(FieldTypes.ARTICLES);
      case "pantau-trends*" -> FieldTypes.load(FieldTypes.TRENDS);
      default -> throw new AssertionError("data view over an unknown pattern " + title);
    };
  }

  @Test
  void theCommittedFileIsWhatTheCatalogGenerates() throws IOException {
    String generated = DashboardCatalog.ndjson();
    if (Boolean.getBoolean("pantau.dashboards.write")) {
      // mvn test -Dtest=DashboardBundleTest -Dpantau.dashboards.write=true regenerates the file.
      DashboardCatalog.main(new String[0]);
    }
    String committed = Files.readString(DashboardCatalog.FILE, StandardCharsets.UTF_8);
    List<String> want = generated.lines().toList();
    List<String> have = committed.lines().toList();
    for (int i = 0; i < Math.min(want.size(), have.size()); i++) {
      assertEquals(want.get(i), have.get(i), STALE + " (line " + (i + 1) + ")");
    }
    assertEquals(want.size(), have.size(), STALE + " (number of lines)");
    assertEquals(generated, committed, STALE);
  }

  @Test
  void everyLineIsOneSavedObjectWithTheEnvelopeKibanaExpects() {
    assertTrue(DashboardCatalog.FILE.toString().endsWith(".ndjson"));
    assertTrue(bundle.text.endsWith("\n"));
    long lines = bundle.text.lines().filter(l -> !l.isBlank()).count();
    assertEquals(lines, bundle.objects.size(), "no summary line and no object across lines");
    Set<String> keys = new HashSet<>();
    for (JsonNode o : bundle.objects) {
      String type = o.path("type").asText();
      String id = o.path("id").asText();
      assertTrue(TYPES.contains(type), id + ": type " + type);
      assertTrue(ID.matcher(id).matches(), "fixed, readable id: " + id);
      assertTrue(keys.add(id), "ids are unique across types: " + id);
      assertTrue(o.path("attributes").isObject(), id + ": attributes");
      assertTrue(o.path("references").isArray(), id + ": references");
      assertFalse(o.path("managed").asBoolean(true), id + ": managed must be false");
      for (String meta : INSTANCE_METADATA) {
        assertFalse(o.has(meta), id + ": instance metadata " + meta);
      }
      assertEquals("8.8.0", o.path("coreMigrationVersion").asText(), id);
      assertEquals(pinnedVersions().get(type), o.path("typeMigrationVersion").asText(), id);
    }
  }

  private static Map<String, String> pinnedVersions() {
    JsonNode pinned =
        Bundle.parse(
            Resources.text("/io/pantau/dashboards/type-migration-versions.json"),
            "type-migration-versions.json");
    Map<String, String> m = new HashMap<>();
    pinned.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
    return m;
  }

  @Test
  void everyReferenceResolvesInsideTheBundle() {
    for (JsonNode o : bundle.objects) {
      Set<String> names = new HashSet<>();
      for (JsonNode r : o.path("references")) {
        assertTrue(names.add(r.path("name").asText()), "duplicate reference name in " + o);
        bundle.get(r.path("type").asText(), r.path("id").asText());
      }
    }
  }

  @Test
  void theFourDashboardsAreThere() {
    Set<String> ids = new HashSet<>();
    bundle.ofType("dashboard").forEach(d -> ids.add(d.path("id").asText()));
    assertEquals(
        Set.of(
            "pantau-dashboard-coverage",
            "pantau-dashboard-sentiment",
            "pantau-dashboard-keywords",
            "pantau-dashboard-syndication"),
        ids);
  }

  @Test
  void dashboardsUseOnlyTheAttributesTheSchemaAllowsAndTheirPanelsResolve() {
    for (JsonNode d : bundle.ofType("dashboard")) {
      String id = d.path("id").asText();
      JsonNode a = d.path("attributes");
      a.fieldNames()
          .forEachRemaining(k -> assertTrue(DASHBOARD_ATTRIBUTES.contains(k), id + ": " + k));
      assertFalse(a.path("title").asText().isBlank());
      assertTrue(a.path("timeRestore").asBoolean(), id + ": opens on its own time range");
      assertTrue(a.path("timeFrom").asText().startsWith("now-"), id);
      assertEquals("now", a.path("timeTo").asText(), id);
      Bundle.parse(a.path("optionsJSON").asText(), id + " optionsJSON");
      Bundle.parse(
          a.path("kibanaSavedObjectMeta").path("searchSourceJSON").asText(), id + " searchSource");
      Map<String, JsonNode> refs = new HashMap<>();
      d.path("references").forEach(r -> refs.put(r.path("name").asText(), r));
      Set<String> used = new HashSet<>();
      Set<String> indexes = new HashSet<>();
      JsonNode panels = Bundle.parse(a.path("panelsJSON").asText(), id + " panelsJSON");
      assertTrue(panels.isArray() && panels.size() >= 4, id + ": at least four panels");
      for (JsonNode p : panels) {
        String index = p.path("panelIndex").asText();
        assertTrue(indexes.add(index), id + ": duplicate panelIndex " + index);
        JsonNode g = p.path("gridData");
        assertEquals(index, g.path("i").asText(), id + ": gridData.i");
        int x = g.path("x").asInt(-1);
        int w = g.path("w").asInt();
        assertTrue(x >= 0 && w > 0 && x + w <= 48 && g.path("h").asInt() > 0, id + ": " + g);
        assertTrue(g.path("y").asInt(-1) >= 0, id + ": " + g);
        String refName = index + ":" + p.path("panelRefName").asText();
        JsonNode ref = refs.get(refName);
        assertTrue(ref != null, id + ": no reference " + refName);
        assertEquals(p.path("type").asText(), ref.path("type").asText(), id + ": " + refName);
        used.add(refName);
      }
      refs.keySet().stream()
          .filter(n -> n.contains("panel_"))
          .forEach(n -> assertTrue(used.contains(n), id + ": orphan reference " + n));
      checkControls(id, a.path("controlGroupInput"), refs);
    }
  }

  private void checkControls(String id, JsonNode group, Map<String, JsonNode> refs) {
    group
        .fieldNames()
        .forEachRemaining(k -> assertTrue(CONTROL_GROUP_KEYS.contains(k), id + ": " + k));
    Bundle.parse(group.path("ignoreParentSettingsJSON").asText(), id + " ignoreParentSettings");
    JsonNode controls = Bundle.parse(group.path("panelsJSON").asText(), id + " controls");
    Set<String> fields = new HashSet<>();
    controls
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode input = e.getValue().path("explicitInput");
              assertEquals("optionsListControl", e.getValue().path("type").asText());
              assertEquals(e.getKey(), input.path("id").asText(), id);
              JsonNode ref = refs.get("controlGroup_" + e.getKey() + ":optionsListDataView");
              assertTrue(ref != null, id + ": control " + e.getKey() + " has no data view");
              JsonNode view = bundle.get("index-pattern", ref.path("id").asText());
              assertEquals(ref.path("id").asText(), input.path("dataViewId").asText());
              String field = input.path("fieldName").asText();
              fields.add(field);
              assertAggregatable(id, fieldsOf(view), field, Set.of("string", "number"));
            });
    assertEquals(Set.of("source", "lang"), fields, id + ": options lists");
  }

  @Test
  void dataViewsPointAtPantauIndicesAndTheirTimeFields() {
    assertEquals(2, bundle.ofType("index-pattern").size());
    for (JsonNode v : bundle.ofType("index-pattern")) {
      String id = v.path("id").asText();
      JsonNode a = v.path("attributes");
      assertTrue(a.path("title").asText().matches("pantau-(articles|trends)\\*"), id);
      assertTrue(v.path("references").isEmpty(), id);
      for (String s : List.of("fields", "runtimeFieldMap", "fieldFormatMap", "fieldAttrs")) {
        Bundle.parse(a.path(s).asText(), id + " " + s);
      }
      Bundle.parse(a.path("sourceFilters").asText(), id + " sourceFilters");
      assertTrue(Bundle.parse(a.path("runtimeFieldMap").asText(), id).isEmpty(), id);
      String time = a.path("timeFieldName").asText();
      assertEquals(
          "date",
          fieldsOf(v).get(time).map(FieldTypes.Field::kibanaType).orElse("missing"),
          id + ": time field " + time);
    }
    assertEquals(
        "published",
        bundle
            .get("index-pattern", DashboardCatalog.ARTICLES_VIEW)
            .path("attributes")
            .path("timeFieldName")
            .asText());
    assertEquals(
        "day",
        bundle
            .get("index-pattern", DashboardCatalog.TRENDS_VIEW)
            .path("attributes")
            .path("timeFieldName")
            .asText());
  }

  @Test
  void lensLayersAreConsistentAndUseAggregatableFieldsOfTheRightType() {
    assertFalse(bundle.ofType("lens").isEmpty());
    for (JsonNode lens : bundle.ofType("lens")) {
      String id = lens.path("id").asText();
      JsonNode state = lens.path("attributes").path("state");
      assertFalse(lens.path("attributes").path("title").asText().isBlank(), id);
      JsonNode sources = state.path("datasourceStates");
      List<String> kinds = new ArrayList<>();
      sources.fieldNames().forEachRemaining(kinds::add);
      assertEquals(List.of("formBased"), kinds, id + ": only form-based layers");
      JsonNode query = state.path("query");
      assertTrue(
          query.path("language").asText().equals("lucene")
              || query.path("query").asText().isEmpty(),
          id + ": lucene or empty query");
      assertTrue(state.path("filters").isEmpty(), id + ": filters need references");
      Map<String, JsonNode> layers = Bundle.layers(lens);
      assertEquals(1, layers.size(), id);
      Set<String> layerRefs = new HashSet<>();
      lens.path("references").forEach(r -> layerRefs.add(r.path("name").asText()));
      assertEquals(
          Set.of("indexpattern-datasource-layer-" + layers.keySet().iterator().next()),
          layerRefs,
          id);
      for (Map.Entry<String, JsonNode> e : layers.entrySet()) {
        FieldTypes fields = fieldsOf(bundle.dataViewOfLayer(lens, e.getKey()));
        checkLayer(id, e.getValue(), fields);
        checkAccessors(id, lens.path("attributes"), e.getKey(), e.getValue());
      }
    }
  }

  private void checkLayer(String id, JsonNode layer, FieldTypes fields) {
    List<String> order = new ArrayList<>();
    layer.path("columnOrder").forEach(c -> order.add(c.asText()));
    Set<String> columns = new HashSet<>();
    layer.path("columns").fieldNames().forEachRemaining(columns::add);
    assertEquals(columns, new HashSet<>(order), id + ": columnOrder and columns");
    assertEquals(order.size(), columns.size(), id + ": columnOrder has duplicates");
    boolean seenMetric = false;
    for (String columnId : order) {
      JsonNode c = layer.path("columns").path(columnId);
      boolean bucketed = c.path("isBucketed").asBoolean();
      assertFalse(bucketed && seenMetric, id + ": bucket " + columnId + " after a metric");
      seenMetric |= !bucketed;
      String op = c.path("operationType").asText();
      assertTrue(OPERATIONS.containsKey(op), id + ": operation " + op);
      assertEquals(op.equals("date_histogram") || op.equals("terms"), bucketed, id + columnId);
      String field = c.path("sourceField").asText();
      if (!(op.equals("count") && field.equals(Lens.RECORDS))) {
        assertAggregatable(id, fields, field, OPERATIONS.get(op));
        String kibanaType = fields.get(field).orElseThrow().kibanaType();
        String dataType = c.path("dataType").asText();
        boolean numericResult = !bucketed && !op.equals("min") && !op.equals("max");
        assertEquals(
            numericResult ? "number" : kibanaType, dataType, id + ": dataType " + columnId);
      }
      if (op.equals("date_histogram")) {
        String interval = c.path("params").path("interval").asText();
        assertTrue(INTERVAL.matcher(interval).matches(), id + ": interval " + interval);
      }
      if (op.equals("terms")) {
        JsonNode orderBy = c.path("params").path("orderBy");
        assertTrue(c.path("params").path("size").asInt() > 0, id);
        if (orderBy.path("type").asText().equals("column")) {
          String target = orderBy.path("columnId").asText();
          assertTrue(columns.contains(target), id + ": orderBy " + target);
          assertFalse(layer.path("columns").path(target).path("isBucketed").asBoolean(), id);
        }
      }
      if (c.has("filter")) {
        assertEquals("lucene", c.path("filter").path("language").asText(), id);
      }
      c.path("references")
          .forEach(r -> assertTrue(columns.contains(r.asText()), id + ": reference " + r));
    }
  }

  private static void checkAccessors(String id, JsonNode attributes, String layerId, JsonNode l) {
    Set<String> columns = new HashSet<>();
    l.path("columns").fieldNames().forEachRemaining(columns::add);
    JsonNode vis = attributes.path("state").path("visualization");
    List<JsonNode> visLayers = new ArrayList<>();
    if (vis.has("layers")) {
      vis.path("layers").forEach(visLayers::add);
    } else {
      visLayers.add(vis);
    }
    Set<String> accessed = new HashSet<>();
    for (JsonNode v : visLayers) {
      assertEquals(layerId, v.path("layerId").asText(), id + ": visualization layerId");
      for (String single :
          List.of(
              "xAccessor",
              "splitAccessor",
              "metricAccessor",
              "secondaryMetricAccessor",
              "tagAccessor",
              "valueAccessor")) {
        if (v.has(single)) {
          accessed.add(v.path(single).asText());
        }
      }
      for (String many : List.of("accessors", "primaryGroups", "metrics")) {
        v.path(many).forEach(a -> accessed.add(a.asText()));
      }
      v.path("columns").forEach(c -> accessed.add(c.path("columnId").asText()));
    }
    assertFalse(accessed.isEmpty(), id + ": the visualization shows nothing");
    for (String a : accessed) {
      assertTrue(columns.contains(a), id + ": accessor " + a + " is no column");
    }
    String type = attributes.path("visualizationType").asText();
    assertTrue(
        Set.of("lnsXY", "lnsPie", "lnsDatatable", "lnsMetric", "lnsTagcloud").contains(type),
        id + ": " + type);
  }

  @Test
  void savedSearchesSortAndShowFieldsOfTheMapping() {
    assertFalse(bundle.ofType("search").isEmpty());
    FieldTypes articles = FieldTypes.load(FieldTypes.ARTICLES);
    for (JsonNode s : bundle.ofType("search")) {
      String id = s.path("id").asText();
      JsonNode a = s.path("attributes");
      a.path("columns")
          .forEach(c -> assertTrue(articles.get(c.asText()).isPresent(), id + ": column " + c));
      for (JsonNode sort : a.path("sort")) {
        assertAggregatable(id, articles, sort.path(0).asText(), Set.of("number", "date", "string"));
        assertTrue(Set.of("asc", "desc").contains(sort.path(1).asText()), id);
      }
      JsonNode source =
          Bundle.parse(a.path("kibanaSavedObjectMeta").path("searchSourceJSON").asText(), id);
      assertEquals("lucene", source.path("query").path("language").asText(), id);
      String refName = source.path("indexRefName").asText();
      JsonNode ref = s.path("references").path(0);
      assertEquals(refName, ref.path("name").asText(), id);
      assertEquals("index-pattern", ref.path("type").asText(), id);
    }
  }

  private static void assertAggregatable(
      String id, FieldTypes fields, String field, Set<String> accepted) {
    FieldTypes.Field f =
        fields.get(field).orElseGet(() -> fail(id + ": " + field + " is not in the mapping"));
    assertTrue(f.aggregatable(), id + ": " + field + " (" + f.esType() + ") is not aggregatable");
    assertTrue(
        accepted.contains(f.kibanaType()),
        id + ": " + field + " is a " + f.kibanaType() + ", expected one of " + accepted);
  }
}
