package io.pantau.index.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the node's files go when Pantau runs as root (so Elasticsearch runs as nobody): the
 * configured place, or a refusal naming the fix; never quietly the temp directory, which a reboot
 * can wipe.
 */
class DataHomeTest {
  @TempDir Path dir;

  @Test
  void aHomeBelowAPrivateDirectoryIsRefusedNamingTheFix() throws IOException {
    Path closed = Files.createDirectory(dir.resolve("private"));
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
    Path home = closed.resolve("pantau/data/elasticsearch");
    EmbeddedElasticsearchException e =
        assertThrows(
            EmbeddedElasticsearchException.class, () -> EmbeddedElasticsearch.reachableHome(home));
    String m = e.getMessage();
    assertTrue(m.contains(closed.toString()), m);
    assertTrue(m.contains("pantau.data-dir") && m.contains("PANTAU_DATA_DIR"), m);
    assertTrue(m.contains("/var/lib/pantau"), m);
  }

  @Test
  void aHomeEveryoneCanReachIsKeptWhereItWasAsked() throws IOException {
    Path open = Files.createDirectory(dir.resolve("open"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path home = open.resolve("data/elasticsearch");
    // The temp directory's own ancestors are traversable on any usual system.
    assertEquals(home, EmbeddedElasticsearch.reachableHome(home));
  }
}
