package io.pantau.index.node;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.testsupport.LocalProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Finding and stopping a node left on a home, with stand-ins whose command lines look like a node's
 * (a shell given {@code -Des.path.home=<home>/dist/...} as an argument) and ordinary programs that
 * must never be signalled.
 */
class LeftoverNodeTest {
  private final List<Process> started = new ArrayList<>();
  private Path home;

  @BeforeEach
  void home() throws IOException {
    home = Files.createTempDirectory("pantau-leftover-test-");
  }

  @AfterEach
  void cleanUp() throws IOException {
    for (Process p : started) {
      LocalProcesses.signal("KILL", -p.pid());
      p.destroyForcibly();
    }
    try (Stream<Path> files = Files.walk(home)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Test
  void aNodeNamedByThePidFileIsStoppedWithItsWholeGroupAndThePidFileRemoved() throws Exception {
    Process node = fakeNode(home, "sleep 300 & wait");
    new PidFile(node.pid(), 9200, 1, home.resolve("dist/elasticsearch-test")).write(home);

    assertTrue(new LeftoverNode(home, Duration.ofSeconds(5)).stop());

    assertTrue(groupOf(node.pid()).isEmpty(), "the group is gone: " + groupOf(node.pid()));
    assertFalse(Files.exists(home.resolve(PidFile.NAME)));
  }

  @Test
  void aNodeWithoutAPidFileIsFoundByItsCommandLine() throws Exception {
    Process node = fakeNode(home, "sleep 300 & wait");

    assertTrue(new LeftoverNode(home, Duration.ofSeconds(5)).stop());

    assertTrue(groupOf(node.pid()).isEmpty(), "the group is gone: " + groupOf(node.pid()));
  }

  @Test
  void aNodeThatIgnoresTermIsKilledAfterTheGrace() throws Exception {
    Process node = fakeNode(home, "trap '' TERM; sleep 300 & wait");
    new PidFile(node.pid(), 9200, 1, home.resolve("dist/elasticsearch-test")).write(home);

    long t0 = System.nanoTime();
    assertTrue(new LeftoverNode(home, Duration.ofSeconds(1)).stop());

    assertTrue(System.nanoTime() - t0 >= 900_000_000L, "TERM was given its grace first");
    assertTrue(groupOf(node.pid()).isEmpty(), "the group is gone: " + groupOf(node.pid()));
  }

  @Test
  void aPidFileNamingAnotherProgramIsStaleAndThatProgramIsLeftAlone() throws Exception {
    // As after a reboot: the recorded pid now leads a group of another program.
    Process other = start("setsid", "sleep", "300");
    awaitAlive(other.pid());
    new PidFile(other.pid(), 9200, 1, home.resolve("dist/elasticsearch-test")).write(home);

    assertFalse(new LeftoverNode(home, Duration.ofSeconds(5)).stop());

    assertTrue(other.isAlive(), "the other program still runs");
    assertFalse(Files.exists(home.resolve(PidFile.NAME)), "the stale pid file is removed");
  }

  @Test
  void aPidFileWhoseProcessIsGoneIsStale() throws Exception {
    Process gone = start("true");
    gone.waitFor();
    new PidFile(gone.pid(), 9200, 1, home.resolve("dist/elasticsearch-test")).write(home);

    assertFalse(new LeftoverNode(home, Duration.ofSeconds(5)).stop());

    assertFalse(Files.exists(home.resolve(PidFile.NAME)));
  }

  @Test
  void theNodeOfAnotherHomeIsLeftAlone() throws Exception {
    Path otherHome = Files.createDirectories(home.resolve("other"));
    Process other = fakeNode(otherHome, "sleep 300 & wait");

    assertFalse(new LeftoverNode(home, Duration.ofSeconds(5)).stop());

    assertTrue(other.isAlive(), "the node of the other home still runs");
  }

  /** A stand-in for a node of {@code nodeHome}, leading its own process group. */
  private Process fakeNode(Path nodeHome, String script) throws Exception {
    String mark = "-Des.path.home=" + nodeHome.toAbsolutePath().resolve("dist/elasticsearch-test");
    Process p = start("setsid", "sh", "-c", script, mark);
    awaitAlive(p.pid());
    return p;
  }

  private Process start(String... cmd) throws IOException {
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    started.add(p);
    return p;
  }

  /** Waits until the process has exec'd its program and (for a stand-in) started its child. */
  private static void awaitAlive(long pid) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      List<LocalProcesses.Proc> group = groupOf(pid);
      if (group.stream().anyMatch(p -> p.args().contains("300") || p.args().contains("true"))) {
        return;
      }
      Thread.sleep(50);
    }
  }

  private static List<LocalProcesses.Proc> groupOf(long pgid) {
    return LocalProcesses.all().stream()
        .filter(LocalProcesses.Proc::alive)
        .filter(p -> p.processGroup() == pgid)
        .toList();
  }
}
