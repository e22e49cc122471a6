package io.pantau.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Points the default H2 database into {@code pantau.data-dir}. H2 refuses implicitly relative file
 * paths, and the data directory is relative by default ({@code data}), so the URL is built here
 * from its absolute form. Its ordinal is below {@code application.properties}, environment
 * variables and system properties, so a configured {@code quarkus.datasource.jdbc.url} (the
 * PostgreSQL profile, for instance) always wins.
 */
public class DatabaseUrlSource implements ConfigSourceFactory {
  static final String URL_KEY = "quarkus.datasource.jdbc.url";

  @Override
  public Iterable<org.eclipse.microprofile.config.spi.ConfigSource> getConfigSources(
      ConfigSourceContext context) {
    ConfigValue dir = context.getValue("pantau.data-dir");
    String dataDir = dir == null || dir.getValue() == null ? "data" : dir.getValue();
    return List.of(
        new PropertiesConfigSource(Map.of(URL_KEY, h2Url(dataDir)), "pantau-h2-url", 90));
  }

  /**
   * The H2 file URL for a data directory. {@code WRITE_DELAY=0}: H2 otherwise writes committed
   * transactions to its file up to half a second later, so a killed Pantau forgot story claims
   * whose alerts had already gone out, and sent them again when it matched the articles anew.
   */
  static String h2Url(String dataDir) {
    Path db = h2Directory(Path.of(dataDir)).resolve("pantau");
    return "jdbc:h2:file:" + db + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
  }

  /** The directory that holds the default H2 database's files. */
  public static Path h2Directory(Path dataDir) {
    return dataDir.toAbsolutePath().normalize().resolve("db");
  }
}
