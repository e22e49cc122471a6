package io.pantau.dashboards;

import static io.pantau.dashboards.Lens.JSON;
import static io.pantau.dashboards.Lens.count;
import static io.pantau.dashboards.Lens.countWhere;
import static io.pantau.dashboards.Lens.dateHistogram;
import static io.pantau.dashboards.Lens.metric;
import static io.pantau.dashboards.Lens.terms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pantau.dashboards.Lens.Column;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The source of {@code dashboards/pantau-dashboards.ndjson}: Pantau's data views, Lens charts,
 * saved search and dashboards. After changing it, regenerate the file with {@code mvn test
 * -Dtest=DashboardBundleTest -Dpantau.dashboards.write=true} (or run {@link #main} from the
 * repository root); a test fails while the committed file and this catalog differ.
 */
public final class DashboardCatalog {
  static final Path FILE = Path.of("dashboards", "pantau-dashboards.ndjson");
  static final String ARTICLES_VIEW = "pantau-articles-view";
  static final String TRENDS_VIEW = "pantau-trends-view";

  /**
   * The per-type model versions stamped on every object. Older ones would make Kibana migrate the
   * objects on import; newer ones than Kibana 8.19 knows would be refused.
   */
  static final Map<String, String> TYPE_VERSIONS =
      Map.of(
          "index-pattern", "8.0.0",
          "lens", "8.9.0",
          "search", "10.5.0",
          "dashboard", "10.2.0");

  private final List<ObjectNode> objects = new ArrayList<>();

  private DashboardCatalog() {}

  /** Writes the NDJSON file under the working directory (the repository root). */
  public static void main(String[] args) throws IOException {
    Files.writeString(FILE, ndjson(), StandardCharsets.UTF_8);
  }

  /** The whole bundle, one object per line, in a fixed order. */
  static String ndjson() {
    StringBuilder sb = new StringBuilder();
    for (ObjectNode o : objects()) {
      sb.append(o.toString()).append('\n');
    }
    return sb.toString();
  }

  static List<ObjectNode> objects() {
    DashboardCatalog c = new DashboardCatalog();
    c.dataView(ARTICLES_VIEW, "pantau-articles*", "Pantau articles", "published");
    c.dataView(TRENDS_VIEW, "pantau-trends*", "Pantau trends", "day");
    c.coverage();
    c.sentiment();
    c.keywords();
    c.syndication();
    return c.objects;
  }

  private void coverage() {
    lens(
        "pantau-coverage-volume",
        "Articles over time",
        "lnsXY",
        Lens.xy("bar_stacked", "date", List.of("articles"), null),
        dateHistogram("date", "published"),
        count("articles", "Articles"));
    lens(
        "pantau-coverage-share-of-voice",
        "Share of voice by source",
        "lnsXY",
        Lens.xy("area_percentage_stacked", "date", List.of("articles"), "source"),
        terms("source", "Source", "source", 8, "articles", "desc"),
        dateHistogram("date", "published"),
        count("articles", "Articles"));
    lens(
        "pantau-coverage-top-publishers",
        "Top publishers",
        "lnsXY",
        Lens.xy("bar_horizontal", "publisher", List.of("articles"), null),
        terms("publisher", "Publisher", "publisher", 15, "articles", "desc"),
        count("articles", "Articles"));
    lens(
        "pantau-coverage-languages",
        "Languages",
        "lnsPie",
        Lens.pie("donut", "lang", "articles"),
        terms("lang", "Language", "lang", 10, "articles", "desc"),
        count("articles", "Articles"));
    lens(
        "pantau-coverage-counts",
        "Articles and stories",
        "lnsMetric",
        Lens.metricTile("articles", "stories"),
        count("articles", "Articles"),
        metric("stories", "Stories", "unique_count", "storyId"));
    dashboard(
        "pantau-dashboard-coverage",
        "Pantau: coverage overview",
        "How much is written, where and in which language.",
        new Panel("counts", "pantau-coverage-counts", 0, 0, 12, 8),
        new Panel("volume", "pantau-coverage-volume", 12, 0, 36, 12),
        new Panel("languages", "pantau-coverage-languages", 0, 8, 12, 12),
        new Panel("share", "pantau-coverage-share-of-voice", 12, 12, 36, 14),
        new Panel("publishers", "pantau-coverage-top-publishers", 0, 26, 48, 14));
  }

  private void sentiment() {
    lens(
        "pantau-sentiment-over-time",
        "Average sentiment over time",
        "lnsXY",
        Lens.xy("line", "date", List.of("avg"), null),
        dateHistogram("date", "published"),
        metric("avg", "Average sentiment", "average", "sentiment.score"));
    lens(
        "pantau-sentiment-labels",
        "Articles by sentiment",
        "lnsPie",
        Lens.pie("donut", "label", "articles"),
        terms("label", "Sentiment", "sentiment.label", 3, "articles", "desc"),
        count("articles", "Articles"));
    sentimentTable("pantau-sentiment-sources-negative", "Most negative sources", "source", "asc");
    sentimentTable("pantau-sentiment-sources-positive", "Most positive sources", "source", "desc");
    sentimentTable(
        "pantau-sentiment-entities-negative",
        "Most negative organizations",
        "entities.organizations",
        "asc");
    sentimentTable(
        "pantau-sentiment-entities-positive", "Most positive persons", "entities.persons", "desc");
    search(
        "pantau-search-most-negative",
        "Most negative articles",
        List.of("title", "source", "sentiment.score", "sentiment.label"),
        "sentiment.score",
        "asc",
        "sentiment.label:negative");
    dashboard(
        "pantau-dashboard-sentiment",
        "Pantau: sentiment",
        "The tone of coverage over time, by source and by entity.",
        new Panel("trend", "pantau-sentiment-over-time", 0, 0, 32, 12),
        new Panel("labels", "pantau-sentiment-labels", 32, 0, 16, 12),
        new Panel("srcneg", "pantau-sentiment-sources-negative", 0, 12, 24, 12),
        new Panel("srcpos", "pantau-sentiment-sources-positive", 24, 12, 24, 12),
        new Panel("entneg", "pantau-sentiment-entities-negative", 0, 24, 24, 12),
        new Panel("entpos", "pantau-sentiment-entities-positive", 24, 24, 24, 12),
        new Panel("negative", "pantau-search-most-negative", "search", 0, 36, 48, 15));
  }

  private void sentimentTable(String id, String title, String field, String direction) {
    lens(
        id,
        title,
        "lnsDatatable",
        Lens.table(List.of("term", "avg", "articles")),
        terms("term", title.substring(title.lastIndexOf(' ') + 1), field, 10, "avg", direction),
        metric("avg", "Average sentiment", "average", "sentiment.score"),
        count("articles", "Articles"));
  }

  private void keywords() {
    lens(
        "pantau-keywords-keyphrases",
        "Keyphrases",
        "lnsTagcloud",
        Lens.tagCloud("phrase", "articles"),
        terms("phrase", "Keyphrase", "keyphrases", 40, "articles", "desc"),
        count("articles", "Articles"));
    view(
        TRENDS_VIEW,
        "pantau-keywords-trending",
        "Trending keywords",
        "lnsDatatable",
        Lens.table(List.of("term", "score", "count")),
        "kind:keyword",
        terms("term", "Keyword", "term", 20, "score", "desc"),
        metric("score", "Trending score", "max", "trendingScore"),
        metric("count", "Articles", "sum", "count"));
    topEntities("pantau-keywords-persons", "Top persons", "entities.persons");
    topEntities("pantau-keywords-organizations", "Top organizations", "entities.organizations");
    topEntities("pantau-keywords-places", "Top places", "entities.places");
    lens(
        "pantau-keywords-co-mentions",
        "Persons mentioned with organizations",
        "lnsDatatable",
        Lens.table(List.of("person", "organization", "articles")),
        terms("person", "Person", "entities.persons", 10, "articles", "desc"),
        terms("organization", "Organization", "entities.organizations", 5, "articles", "desc"),
        count("articles", "Articles"));
    dashboard(
        "pantau-dashboard-keywords",
        "Pantau: keywords and entities",
        "What the coverage is about: keyphrases, trending keywords and who is mentioned with whom."
            + " Trending keywords come from the daily pantau-trends rollups.",
        new Panel("cloud", "pantau-keywords-keyphrases", 0, 0, 28, 14),
        new Panel("trending", "pantau-keywords-trending", 28, 0, 20, 14),
        new Panel("persons", "pantau-keywords-persons", 0, 14, 16, 12),
        new Panel("orgs", "pantau-keywords-organizations", 16, 14, 16, 12),
        new Panel("places", "pantau-keywords-places", 32, 14, 16, 12),
        new Panel("comention", "pantau-keywords-co-mentions", 0, 26, 48, 14));
  }

  private void topEntities(String id, String title, String field) {
    lens(
        id,
        title,
        "lnsXY",
        Lens.xy("bar_horizontal", "name", List.of("articles"), null),
        terms("name", "Name", field, 10, "articles", "desc"),
        count("articles", "Articles"));
  }

  private void syndication() {
    lens(
        "pantau-syndication-stories",
        "Stories by number of copies",
        "lnsDatatable",
        Lens.table(List.of("story", "copies", "sites")),
        terms("story", "Story", "storyId", 20, "copies", "desc"),
        count("copies", "Copies"),
        metric("sites", "Sites carrying it", "unique_count", "source"));
    lens(
        "pantau-syndication-publishers",
        "Original publishers and the sites that carry them",
        "lnsDatatable",
        Lens.table(List.of("publisher", "source", "articles")),
        terms("publisher", "Publisher", "publisher", 10, "articles", "desc"),
        terms("source", "Site", "source", 10, "articles", "desc"),
        count("articles", "Articles"));
    lens(
        "pantau-rights-ai-use",
        "Articles by AI-use rights",
        "lnsPie",
        Lens.pie("pie", "aiuse", "articles"),
        terms("aiuse", "AI use", "rights.aiUse", 3, "articles", "desc"),
        count("articles", "Articles"));
    lens(
        "pantau-rights-prohibited",
        "Articles whose rights prohibit AI use",
        "lnsMetric",
        Lens.metricTile("prohibited", "articles"),
        countWhere("prohibited", "AI use prohibited", "rights.aiUse:prohibited"),
        count("articles", "All articles"));
    dashboard(
        "pantau-dashboard-syndication",
        "Pantau: syndication and rights",
        "Which stories travel, who originates them, who carries them, and what their rights allow.",
        new Panel("stories", "pantau-syndication-stories", 0, 0, 24, 16),
        new Panel("publishers", "pantau-syndication-publishers", 24, 0, 24, 16),
        new Panel("aiuse", "pantau-rights-ai-use", 0, 16, 24, 12),
        new Panel("prohibited", "pantau-rights-prohibited", 24, 16, 24, 12));
  }

  private void dataView(String id, String pattern, String name, String timeField) {
    ObjectNode a = JSON.createObjectNode().put("title", pattern).put("name", name);
    a.put("timeFieldName", timeField).put("fields", "[]").put("runtimeFieldMap", "{}");
    a.put("fieldFormatMap", "{}").put("fieldAttrs", "{}").put("sourceFilters", "[]");
    a.put("allowNoIndex", true);
    add("index-pattern", id, a, JSON.createArrayNode());
  }

  private void lens(
      String id, String title, String type, ObjectNode visualization, Column... columns) {
    view(ARTICLES_VIEW, id, title, type, visualization, "", columns);
  }

  private void view(
      String dataView,
      String id,
      String title,
      String type,
      ObjectNode visualization,
      String lucene,
      Column... columns) {
    ArrayNode refs = JSON.createArrayNode();
    reference(refs, "indexpattern-datasource-layer-" + Lens.LAYER, "index-pattern", dataView);
    add("lens", id, Lens.attributes(title, type, visualization, lucene, columns), refs);
  }

  private void search(
      String id,
      String title,
      List<String> columns,
      String sortField,
      String direction,
      String lucene) {
    ObjectNode a = JSON.createObjectNode().put("title", title).put("description", "");
    columns.forEach(a.putArray("columns")::add);
    a.putArray("sort").addArray().add(sortField).add(direction);
    ObjectNode source = JSON.createObjectNode();
    source.putObject("query").put("query", lucene).put("language", "lucene");
    source.putArray("filter");
    source.put("indexRefName", "kibanaSavedObjectMeta.searchSourceJSON.index");
    a.putObject("kibanaSavedObjectMeta").put("searchSourceJSON", source.toString());
    ArrayNode refs = JSON.createArrayNode();
    reference(refs, "kibanaSavedObjectMeta.searchSourceJSON.index", "index-pattern", ARTICLES_VIEW);
    add("search", id, a, refs);
  }

  /** A dashboard panel that shows a saved object by reference; {@code index} is its panelIndex. */
  record Panel(String index, String objectId, String type, int x, int y, int w, int h) {
    Panel(String index, String objectId, int x, int y, int w, int h) {
      this(index, objectId, "lens", x, y, w, h);
    }
  }

  private void dashboard(String id, String title, String description, Panel... panels) {
    ObjectNode a = JSON.createObjectNode().put("title", title).put("description", description);
    // Fixture data and recent ingest both fall inside the last 30 days; Kibana's default of
    // 15 minutes would open the dashboards empty.
    a.put("timeRestore", true).put("timeFrom", "now-30d").put("timeTo", "now");
    a.putObject("refreshInterval").put("pause", true).put("value", 60000);
    ObjectNode options = JSON.createObjectNode().put("useMargins", true);
    options.put("syncColors", false).put("syncCursor", true).put("syncTooltips", false);
    options.put("hidePanelTitles", false);
    a.put("optionsJSON", options.toString());
    ArrayNode refs = JSON.createArrayNode();
    ArrayNode panelsJson = JSON.createArrayNode();
    for (Panel p : panels) {
      ObjectNode panel = panelsJson.addObject().put("type", p.type()).put("panelIndex", p.index());
      panel
          .putObject("gridData")
          .put("x", p.x())
          .put("y", p.y())
          .put("w", p.w())
          .put("h", p.h())
          .put("i", p.index());
      panel.putObject("embeddableConfig").putObject("enhancements");
      panel.put("panelRefName", "panel_" + p.index());
      reference(refs, p.index() + ":panel_" + p.index(), p.type(), p.objectId());
    }
    a.put("panelsJSON", panelsJson.toString());
    a.set("controlGroupInput", controls(refs));
    ObjectNode source = JSON.createObjectNode();
    source.putObject("query").put("query", "").put("language", "kuery");
    source.putArray("filter");
    a.putObject("kibanaSavedObjectMeta").put("searchSourceJSON", source.toString());
    add("dashboard", id, a, refs);
  }

  // Options-list controls on the article data view; Kibana stores their data view as a reference.
  private static ObjectNode controls(ArrayNode refs) {
    ObjectNode panels = JSON.createObjectNode();
    String[][] controls = {{"source", "Source"}, {"lang", "Language"}};
    for (int i = 0; i < controls.length; i++) {
      String controlId = "control-" + controls[i][0];
      ObjectNode c = panels.putObject(controlId);
      c.put("order", i).put("width", "medium").put("grow", true).put("type", "optionsListControl");
      ObjectNode input = c.putObject("explicitInput").put("id", controlId);
      input.put("fieldName", controls[i][0]).put("title", controls[i][1]);
      input.put("dataViewId", ARTICLES_VIEW).put("searchTechnique", "prefix");
      input.put("singleSelect", false).put("exclude", false).put("existsSelected", false);
      input.putArray("selectedOptions");
      input.putObject("enhancements");
      reference(
          refs,
          "controlGroup_" + controlId + ":optionsListDataView",
          "index-pattern",
          ARTICLES_VIEW);
    }
    ObjectNode group = JSON.createObjectNode();
    group.put("controlStyle", "oneLine").put("chainingSystem", "HIERARCHICAL");
    ObjectNode ignore = JSON.createObjectNode().put("ignoreFilters", false);
    ignore.put("ignoreQuery", false).put("ignoreTimerange", false).put("ignoreValidations", false);
    group.put("ignoreParentSettingsJSON", ignore.toString());
    group.put("panelsJSON", panels.toString());
    return group;
  }

  private static void reference(ArrayNode refs, String name, String type, String id) {
    refs.addObject().put("name", name).put("type", type).put("id", id);
  }

  private void add(String type, String id, ObjectNode attributes, ArrayNode references) {
    ObjectNode o = JSON.createObjectNode().put("type", type).put("id", id);
    o.set("attributes", attributes);
    o.set("references", references);
    o.put("managed", false);
    o.put("coreMigrationVersion", "8.8.0");
    o.put("typeMigrationVersion", TYPE_VERSIONS.get(type));
    objects.add(o);
  }
}
