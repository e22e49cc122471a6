package io.pantau.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A resource file made of named sections: a {@code [name]} line opens a section, every following
 * non-blank line that does not start with {@code #} belongs to it.
 */
final class Sections {
  private static final Pattern SECTION = Pattern.compile("\\[[a-z0-9._-]+\\]");

  private final String resource;
  private final Map<String, List<String>> sections;

  private Sections(String resource, Map<String, List<String>> sections) {
    this.resource = resource;
    this.sections = sections;
  }

  /** Loads a resource relative to this package. */
  static Sections load(String name) {
    String path = "/io/pantau/demo/" + name;
    try (InputStream in = Sections.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing generator resource " + path);
      }
      return parse(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Sections parse(String resource, String text) {
    Map<String, List<String>> sections = new LinkedHashMap<>();
    List<String> current = null;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      // Only a bare lower-case name opens a section; "[a|b]" is a template's choice.
      if (SECTION.matcher(line).matches()) {
        current =
            sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
      } else if (current == null) {
        throw new IllegalStateException(
            resource + ":" + (i + 1) + ": text before the first section");
      } else {
        current.add(line);
      }
    }
    sections.replaceAll((k, v) -> List.copyOf(v));
    return new Sections(resource, sections);
  }

  /** The lines of a section, empty when the section is absent. */
  List<String> lines(String name) {
    return sections.getOrDefault(name, List.of());
  }

  /** The lines of a section that must exist and be non-empty. */
  List<String> require(String name) {
    List<String> lines = lines(name);
    if (lines.isEmpty()) {
      throw new IllegalStateException(resource + ": missing or empty section [" + name + "]");
    }
    return lines;
  }

  /** A section read as {@code key = value} lines. */
  Map<String, String> properties(String name) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String line : require(name)) {
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalStateException(resource + ": [" + name + "] expects key = value: " + line);
      }
      map.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
    }
    return map;
  }

  List<String> names() {
    return List.copyOf(sections.keySet());
  }

  String resource() {
    return resource;
  }
}
