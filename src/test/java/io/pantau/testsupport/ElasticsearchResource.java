package io.pantau.testsupport;

import io.pantau.index.node.EmbeddedElasticsearch;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts one real Elasticsearch node per test JVM (the same launcher the application uses) and
 * points Pantau at it, with a fresh data directory.
 */
public class ElasticsearchResource implements QuarkusTestResourceLifecycleManager {
  private static EmbeddedElasticsearch node;
  private static Path dataDir;

  @Override
  public synchronized Map<String, String> start() {
    if (node == null) {
      dataDir = newDataDir();
      String zip = System.getProperty("pantau.elasticsearch.distribution");
      if (zip == null) {
        throw new IllegalStateException(
            "pantau.elasticsearch.distribution is not set; run the tests through Maven");
      }
      node =
          new EmbeddedElasticsearch(
              new EmbeddedElasticsearch.Settings(
                  Path.of(zip),
                  dataDir.resolve("elasticsearch"),
                  0,
                  "512m",
                  Duration.ofSeconds(180),
                  null));
      node.start();
      // The node lives as long as the test JVM (Quarkus restarts between test profiles reuse
      // it), so its folder goes when the JVM does: stopped first (stop is idempotent and
      // synchronized, so this waits for the node's own shutdown hook if that runs first), then
      // deleted. Left behind, each run kept about 120 MB of Elasticsearch in the temp directory.
      EmbeddedElasticsearch started = node;
      Path created = dataDir;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    started.stop();
                    deleteTree(created);
                  },
                  "pantau-test-es-cleanup"));
    }
    return Map.of(
        "quarkus.elasticsearch.hosts", node.hostAndPort(),
        "pantau.elasticsearch.embedded", "false",
        "pantau.data-dir", dataDir.toString());
  }

  @Override
  public void stop() {
    // The node lives as long as the test JVM; the shutdown hook registered in start stops it and
    // deletes its folder.
  }

  /** The address of the node, for tests that talk to Elasticsearch directly. */
  public static String hostAndPort() {
    return node.hostAndPort();
  }

  /** The data directory Pantau runs with in tests. */
  public static Path dataDir() {
    return dataDir;
  }

  /**
   * Removes a folder and everything in it, reporting what it could not remove rather than failing
   * the JVM's exit (as root the node's files belong to nobody, which root may still delete).
   */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      System.err.println("Could not remove the test folder " + dir + ": " + e);
    }
  }

  private static Path newDataDir() {
    try {
      Path dir =
          Files.createTempDirectory(
              "pantau-test-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
