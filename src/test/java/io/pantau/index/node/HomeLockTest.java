package io.pantau.index.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The home's owner lock, held by another JVM as a running Pantau holds it: a start there is refused
 * and touches nothing of the other's; once that JVM is killed, the lock is free and its pid file is
 * stale. The distribution is an empty zip, so a start that gets past the lock fails at unpacking,
 * in milliseconds and without a node.
 */
class HomeLockTest {
  private static final String HOLDER =
      """
      import java.nio.channels.FileChannel;
      import java.nio.file.Path;
      import java.nio.file.StandardOpenOption;

      public class Holder {
        public static void main(String[] args) throws Exception {
          try (FileChannel ch =
                  FileChannel.open(
                      Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
              var lock = ch.lock()) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(120_000);
          }
        }
      }
      """;

  private Path dir;
  private Process holder;

  @BeforeEach
  void dir() throws IOException {
    // Traversable by others, so that under root the home is used as it is.
    dir =
        Files.createTempDirectory(
            "pantau-home-lock-test-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (holder != null) {
      holder.destroyForcibly();
      holder.waitFor(10, TimeUnit.SECONDS);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Test
  void aHomeLockedByAnotherLivingJvmIsRefusedUntilThatJvmIsKilled() throws Exception {
    Path home = Files.createDirectories(dir.resolve("es"));
    Path zip = Files.write(dir.resolve("elasticsearch-test.zip"), new byte[0]);
    holder = holdLock(home.resolve("pantau.lock"));
    new PidFile(999_999, 9200, holder.pid(), home.resolve("dist/elasticsearch-test")).write(home);
    EmbeddedElasticsearch es =
        new EmbeddedElasticsearch(
            new EmbeddedElasticsearch.Settings(zip, home, 0, "64m", Duration.ofSeconds(5), null));

    EmbeddedElasticsearchException refused =
        assertThrows(EmbeddedElasticsearchException.class, es::start);
    assertTrue(refused.getMessage().startsWith("Another Pantau is running"), refused.getMessage());
    assertTrue(refused.getMessage().contains("Pantau pid " + holder.pid()), refused.getMessage());
    assertTrue(Files.exists(home.resolve(PidFile.NAME)), "the other's pid file is left alone");
    assertFalse(Files.exists(home.resolve("dist")), "nothing was unpacked");

    holder.destroyForcibly();
    holder.waitFor(10, TimeUnit.SECONDS);
    EmbeddedElasticsearchException unpacking =
        assertThrows(EmbeddedElasticsearchException.class, es::start);
    assertTrue(
        unpacking.getMessage().contains("unexpected zip layout"),
        "past the lock: " + unpacking.getMessage());
    assertFalse(Files.exists(home.resolve(PidFile.NAME)), "the stale pid file is removed");
    // The failed start gave the lock back: a second attempt gets just as far.
    EmbeddedElasticsearchException again =
        assertThrows(EmbeddedElasticsearchException.class, es::start);
    assertEquals(unpacking.getMessage(), again.getMessage());
  }

  /** Another JVM that locks {@code file} as Pantau does and keeps it until it is killed. */
  private Process holdLock(Path file) throws IOException {
    Path source = Files.writeString(dir.resolve("Holder.java"), HOLDER);
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(),
                file.toString())
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertEquals("locked", line, "the other JVM holds the lock");
    return p;
  }
}
