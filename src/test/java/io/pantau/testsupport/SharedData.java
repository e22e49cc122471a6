package io.pantau.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The shared folder of seed files and data sets that some tests and development tools read: {@code
 * ../shared} next to the project, or the folder the system property {@code shared.dir} names (the
 * build sets it to {@code ${project.basedir}/../shared}). It is absent outside CI and development
 * machines, so tests that need it skip with a message that names the shared folder ({@link
 * SkipSummary} groups those skips).
 */
public final class SharedData {
  private SharedData() {}

  /** The shared folder, whether it is there or not. */
  public static Path dir() {
    return Path.of(System.getProperty("shared.dir", "../shared"));
  }

  /** A path under the shared folder, whether it is there or not. */
  public static Path path(String relative) {
    return dir().resolve(relative);
  }

  /** Whether a file or folder under the shared folder is there. */
  public static boolean present(String relative) {
    return Files.exists(path(relative));
  }

  /** A readable file under the shared folder, or empty when it is absent. */
  public static Optional<Path> file(String relative) {
    Path p = path(relative);
    return Files.isReadable(p) ? Optional.of(p) : Optional.empty();
  }

  /**
   * A file or folder under the shared folder; when it is absent the calling test is skipped (a
   * JUnit assumption) with a message that says so.
   */
  public static Path require(String relative) {
    Path p = path(relative);
    assumeTrue(Files.isReadable(p), () -> absent(p));
    return p;
  }

  /** The skip message for a missing shared file or folder. */
  public static String absent(Path p) {
    return "shared data absent: "
        + p
        + " (put the shared folder at ../shared or pass -Dshared.dir=<folder>); skipped";
  }
}
