package io.pantau.dashboards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** The committed saved-object file as Kibana will read it: one JSON object per non-blank line. */
final class Bundle {
  static final ObjectMapper JSON = new ObjectMapper();

  final String text;
  final List<JsonNode> objects = new ArrayList<>();

  private Bundle(String text) {
    this.text = text;
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode o = parse(line, "line");
      // Kibana drops the export summary line, so it is no saved object.
      if (!o.has("exportedCount")) {
        objects.add(o);
      }
    }
  }

  static Bundle committed() {
    try {
      return new Bundle(Files.readString(DashboardCatalog.FILE, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String json, String what) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError(what + " is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  List<JsonNode> ofType(String type) {
    return objects.stream().filter(o -> o.path("type").asText().equals(type)).toList();
  }

  JsonNode get(String type, String id) {
    return objects.stream()
        .filter(o -> o.path("type").asText().equals(type) && o.path("id").asText().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " " + id));
  }

  /** The data view a Lens layer reads, through its layer reference. */
  JsonNode dataViewOfLayer(JsonNode lens, String layerId) {
    String name = "indexpattern-datasource-layer-" + layerId;
    List<JsonNode> refs =
        StreamSupport.stream(lens.path("references").spliterator(), false)
            .filter(r -> r.path("name").asText().equals(name))
            .toList();
    if (refs.size() != 1) {
      throw new AssertionError(lens.path("id").asText() + ": expected one reference " + name);
    }
    return get("index-pattern", refs.get(0).path("id").asText());
  }

  /** The single form-based layer of each Lens object, by layer id. */
  static Map<String, JsonNode> layers(JsonNode lens) {
    JsonNode layers = lens.path("attributes").path("state").path("datasourceStates");
    LinkedHashMap<String, JsonNode> out = new LinkedHashMap<>();
    layers
        .path("formBased")
        .path("layers")
        .fields()
        .forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
