package io.pantau.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the word lists and tables that enrichment ships as classpath resources. */
final class Resources {
  static final String BASE = "io/pantau/enrich/";

  private Resources() {}

  /**
   * Non-blank lines of a resource with comments removed. A path without a slash lives under this
   * package's resource folder; one with a slash is an absolute classpath path (Lucene's lists).
   * {@code #} starts a comment in our files; {@code |} in Snowball's.
   */
  static List<String> lines(String path) {
    String resource = path.startsWith("/") ? path.substring(1) : BASE + path;
    ClassLoader loader = Resources.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing enrichment resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> out = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        int hash = line.indexOf('#');
        if (hash >= 0) {
          line = line.substring(0, hash);
        }
        int bar = line.indexOf('|');
        if (bar >= 0 && resource.endsWith("_stop.txt")) {
          line = line.substring(0, bar);
        }
        if (!line.isBlank()) {
          out.add(line.strip());
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A set of folded words, one per line (only the first whitespace-separated field counts). */
  static Set<String> wordSet(String path) {
    Set<String> out = new HashSet<>();
    for (String line : lines(path)) {
      out.add(io.pantau.text.Fold.fold(line.split("\\s+")[0]));
    }
    return out;
  }

  /** Rows of a tab-separated table. */
  static List<String[]> table(String path) {
    List<String[]> out = new ArrayList<>();
    for (String line : lines(path)) {
      out.add(line.split("\t"));
    }
    return out;
  }
}
