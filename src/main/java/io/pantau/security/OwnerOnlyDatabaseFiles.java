package io.pantau.security;

import io.pantau.config.DatabaseUrlSource;
import io.pantau.config.PantauConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Makes the default H2 database the owner's only at start: its directory {@code <data-dir>/db} 0700
 * and its files 0600. H2 creates them with the process umask, usually 0755 and 0644, and has no
 * setting for their mode; with the directory at 0700, files H2 makes later are unreachable to other
 * users whatever their own mode, and the existing ones are tightened as well for copies and backups
 * that keep modes.
 *
 * <p>The data directory itself keeps its mode: under root the embedded Elasticsearch runs as {@code
 * nobody} with its files below it, and must traverse it. Quarkus opens the database (Flyway's
 * migration) before any startup observer runs, so on the very first start the new files are open
 * for the few seconds until this observer, which runs first, before any key is generated or any
 * article taken; they hold only the schema then.
 */
@ApplicationScoped
class OwnerOnlyDatabaseFiles {
  private static final Logger LOG = Logger.getLogger(OwnerOnlyDatabaseFiles.class);
  private static final String OWNER_DIR = "rwx------";
  private static final String OWNER_FILE = "rw-------";

  private final PantauConfig config;

  OwnerOnlyDatabaseFiles(PantauConfig config) {
    this.config = config;
  }

  void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    // Absent with PostgreSQL or a database URL of one's own: nothing of H2's to tighten.
    Path db = DatabaseUrlSource.h2Directory(config.dataDir());
    if (!Files.isDirectory(db, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    restrict(db, OWNER_DIR);
    List<Path> files;
    try (Stream<Path> s = Files.list(db)) {
      files = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
    } catch (IOException e) {
      LOG.warnf("Cannot list %s: %s", db, e.getMessage());
      return;
    }
    files.forEach(f -> restrict(f, OWNER_FILE));
  }

  private static void restrict(Path p, String mode) {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    } catch (IOException e) {
      // Not ours to change (a volume mounted with another owner): Pantau still runs.
      LOG.warnf("Cannot make %s owner-only: %s", p, e.getMessage());
    }
  }
}
