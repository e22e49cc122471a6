package io.pantau.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.pantau.testsupport.UsesDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The H2 database and the ingest journal are the owner's only. The test resource makes the data
 * directory 0755, as a fresh install leaves it (under root the embedded Elasticsearch, run as
 * nobody, must traverse it); after start the database's and the journal's directories and files
 * below it have no group or other permission bits.
 */
@QuarkusTest
@UsesDatabase
@QuarkusTestResource(ElasticsearchResource.class)
class DataFileModesTest {

  private static List<Path> under(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !Files.isSymbolicLink(p)).toList();
    }
  }

  @Test
  void theDatabaseAndTheJournalHaveNoGroupOrOtherBits() throws Exception {
    // An article through the journal, so that its files exist.
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Api.storeArticle(
        Map.of(
            "url",
            "https://uji.example/modes/" + tag,
            "title",
            "Uji mode berkas " + tag,
            "body",
            "Berita uji " + tag + " tentang izin berkas.",
            "source",
            "uji.example",
            "lang",
            "id",
            "published",
            Instant.now().minusSeconds(600).toString()));
    Path data = ElasticsearchResource.dataDir();
    List<Path> checked = new ArrayList<>();
    // The same test runs again against PostgreSQL, which keeps no file under the data directory.
    boolean h2 = !"postgresql".equals(System.getProperty("tests.database"));
    if (h2) {
      checked.addAll(under(data.resolve("db")));
    }
    checked.addAll(under(data.resolve("journal")));
    checked.add(data.resolve("admin.key"));
    List<String> open = new ArrayList<>();
    for (Path p : checked) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
      if (perms.stream().anyMatch(b -> !b.name().startsWith("OWNER"))) {
        open.add(data.relativize(p) + " " + PosixFilePermissions.toString(perms));
      }
    }
    assertTrue(
        !h2 || checked.stream().anyMatch(p -> p.getFileName().toString().endsWith(".mv.db")),
        "the H2 database file: " + checked);
    assertTrue(open.isEmpty(), "open to group or others: " + open);
  }
}
