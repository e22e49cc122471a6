package io.pantau.index.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.testsupport.LocalProcesses;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watchdog script with a stand-in for the node (a shell and a {@code sleep}, marked so this
 * test finds them), in seconds rather than an Elasticsearch start. Closing the pipe here is what
 * the kernel does when Pantau's JVM dies; the packaged-app test kills the real JVM.
 */
class WatchdogTest {
  private static final String MARK = "pantau-watchdog-test-node";
  private Process watchdog;

  @AfterEach
  void sweep() {
    if (watchdog != null) {
      LocalProcesses.signal("KILL", -watchdog.pid());
    }
  }

  @Test
  void theNodeIsStoppedWhenThePipeFromPantauCloses() throws Exception {
    watchdog = launch("sleep 300 & wait");
    awaitMembers(2);
    watchdog.getOutputStream().close();
    Optional<Duration> gone = LocalProcesses.awaitNone(this::group, Duration.ofSeconds(10));
    assertTrue(gone.isPresent(), "the group is gone: " + group());
  }

  @Test
  void aNodeThatIgnoresTermIsKilledAfterTheGrace() throws Exception {
    watchdog = launch("trap '' TERM; sleep 300 & wait");
    awaitMembers(2);
    watchdog.getOutputStream().close();
    Thread.sleep(500);
    assertTrue(group().size() >= 2, "still in its grace period: " + group());
    Optional<Duration> gone = LocalProcesses.awaitNone(this::group, Duration.ofSeconds(10));
    assertTrue(gone.isPresent(), "killed after the grace: " + group());
  }

  @Test
  void anOrderlyStopWaitsForTheNodeAndTheWatchdogExitsWithIt() throws Exception {
    // The stand-in takes a second to shut down, as the node takes a moment to close its shards.
    watchdog = launch("trap 'sleep 1; exit 0' TERM; sleep 300 & wait");
    awaitMembers(2);
    long t0 = System.nanoTime();
    Signals.group("TERM", watchdog.pid());
    assertTrue(watchdog.waitFor(10, TimeUnit.SECONDS), "the watchdog exits with its node");
    assertTrue(
        System.nanoTime() - t0 >= 900_000_000L, "it waited for the node, not only for itself");
    assertEquals(0, watchdog.exitValue());
  }

  @Test
  void aNodeThatExitsByItselfEndsTheWatchdogWithItsStatus() throws Exception {
    watchdog = launch("exit 3");
    assertTrue(watchdog.waitFor(10, TimeUnit.SECONDS));
    assertEquals(3, watchdog.exitValue(), "Pantau reads the node's exit code from the watchdog");
  }

  private Process launch(String nodeScript) throws IOException {
    return new ProcessBuilder(
            Watchdog.command(
                ProcessHandle.current().pid(),
                Duration.ofSeconds(2),
                List.of("sh", "-c", nodeScript, MARK)))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** The living processes of the watchdog's group. */
  private List<LocalProcesses.Proc> group() {
    return LocalProcesses.all().stream()
        .filter(LocalProcesses.Proc::alive)
        .filter(p -> p.processGroup() == watchdog.pid())
        .toList();
  }

  /** Waits until the watchdog, its reader and the stand-in's processes are up. */
  private void awaitMembers(int nodeProcesses) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (group().stream().filter(p -> !p.args().contains(Watchdog.NAME)).count() < nodeProcesses
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }
}
