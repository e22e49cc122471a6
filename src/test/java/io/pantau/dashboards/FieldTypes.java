package io.pantau.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of an Elasticsearch mapping, flattened to dotted paths (multi-fields included), with
 * the Kibana field type and whether Kibana could aggregate on them.
 */
final class FieldTypes {
  /** The article mapping Pantau's index bootstrap uses. */
  static final String ARTICLES = "/io/pantau/index/articles-mapping.json";

  /** The pantau-trends mapping, the one the trends rollup creates its index with. */
  static final String TRENDS = "/io/pantau/index/trends-mapping.json";

  record Field(String esType, boolean aggregatable) {
    /** The type Kibana's data views give the field, which Lens operations check. */
    String kibanaType() {
      return switch (esType) {
        case "keyword", "text", "match_only_text", "version", "constant_keyword", "wildcard" ->
            "string";
        case "long",
            "integer",
            "short",
            "byte",
            "double",
            "float",
            "half_float",
            "scaled_float",
            "unsigned_long" ->
            "number";
        case "date", "date_nanos" -> "date";
        case "ip" -> "ip";
        case "boolean" -> "boolean";
        default -> esType;
      };
    }
  }

  private final Map<String, Field> fields = new LinkedHashMap<>();

  private FieldTypes(JsonNode mapping) {
    collect("", mapping.path("properties"));
  }

  static FieldTypes load(String resource) {
    try (InputStream in = FieldTypes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + resource);
      }
      return new FieldTypes(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Optional<Field> get(String path) {
    return Optional.ofNullable(fields.get(path));
  }

  private void collect(String prefix, JsonNode properties) {
    properties
        .fields()
        .forEachRemaining(
            e -> {
              String path = prefix + e.getKey();
              JsonNode def = e.getValue();
              if (def.has("properties")) {
                collect(path + ".", def.get("properties"));
                return;
              }
              put(path, def);
              def.path("fields")
                  .fields()
                  .forEachRemaining(m -> put(path + "." + m.getKey(), m.getValue()));
            });
  }

  private void put(String path, JsonNode def) {
    String type = def.path("type").asText("object");
    boolean aggregatable =
        switch (type) {
          case "text", "match_only_text" -> def.path("fielddata").asBoolean(false);
          case "object", "nested" -> false;
          default -> def.path("doc_values").asBoolean(true);
        };
    fields.put(path, new Field(type, aggregatable));
  }
}
