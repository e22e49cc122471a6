package io.pantau.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pantau.testsupport.LocalProcesses;
import io.pantau.testsupport.LocalProcesses.Proc;
import io.pantau.testsupport.PantauProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Data-safety review, item 4: Pantau restarts after a crash on its embedded default. The packaged
 * app runs with no cluster configured, so it launches its own node under its data directory; the
 * Pantau JVM alone (not its node, which has a process group of its own) is killed with SIGKILL in
 * the middle of an ingest, and the app is started again on the same data directory. Before the fix,
 * the node outlived Pantau, holding its data path's lock, and the restart's new node died with
 * "failed to obtain node locks", taking Pantau with it.
 */
class EmbeddedCrashRestartIT {
  private static final int BEFORE_KILL = 3_000;
  private static final int AFTER_RESTART = 1_000;

  /**
   * How long a node may take to go after its Pantau is killed: the watchdog's SIGTERM, then at most
   * its 30-second grace before SIGKILL, and a margin for a loaded machine.
   */
  private static final Duration NODE_GONE_WITHIN = Duration.ofSeconds(40);

  @Test
  void theNodeOfAKilledPantauStopsByItselfAndTheRestartKeepsEveryAcceptedArticle()
      throws Exception {
    Path root = Durability.newDir("pantau-embedded-crash-it-");
    PantauProcess app = PantauProcess.embedded(root.resolve("pantau"), Durability.fastRetries());
    Path home = app.embeddedHome();
    try {
      app.start();
      int accepted = ingest(app, 0, BEFORE_KILL);
      long pendingAtKill = app.get("/api/ingest/status").json().get("journalPending").asLong();
      List<Proc> node = LocalProcesses.embeddedNode(home);
      assertFalse(node.isEmpty(), "the embedded node runs under " + home);

      app.kill();
      assertTrue(pendingAtKill > 0, "the kill came mid-ingest: " + pendingAtKill + " pending");
      Optional<Duration> gone =
          LocalProcesses.awaitNone(() -> LocalProcesses.embeddedNode(home), NODE_GONE_WITHIN);
      assertTrue(
          gone.isPresent(),
          "the node of the killed Pantau still runs "
              + NODE_GONE_WITHIN.toSeconds()
              + " s later: "
              + describe(LocalProcesses.embeddedNode(home)));
      // The watchdog looks once a second whether the node is gone, then sweeps its group.
      assertTrue(
          LocalProcesses.awaitNone(() -> LocalProcesses.watchdogs(home), Duration.ofSeconds(5))
              .isPresent(),
          "the watchdog went with its node: " + describe(LocalProcesses.watchdogs(home)));
      String watchdogSaid = lastLine(home.resolve("logs/console.log"), "pantau-es-watchdog:");
      assertTrue(watchdogSaid.contains("is gone"), "the watchdog stopped it: " + watchdogSaid);

      long t0 = System.nanoTime();
      app.start();
      double restartSeconds = (System.nanoTime() - t0) / 1e9;
      accepted += finish(app, accepted);
      System.out.println(watchdogSaid);
      System.out.printf(
          "EmbeddedCrashRestartIT: killed Pantau with %d of %d accepted articles pending; its"
              + " node (%d processes) was gone %.1f s after the kill; the restart took %.1f s;"
              + " %d articles stored exactly once%n",
          pendingAtKill,
          BEFORE_KILL,
          node.size(),
          gone.get().toMillis() / 1e3,
          restartSeconds,
          accepted);
    } finally {
      app.close();
      LocalProcesses.killEmbeddedNode(home);
      Durability.deleteTree(root);
    }
  }

  /**
   * A node can still be left running: by a Pantau from before the watchdog, or when the watchdog
   * itself was killed. Here the watchdog is killed first (SIGKILL, so it can do nothing), then
   * Pantau; the node keeps running with its pid file in place, and the restart must stop it.
   */
  @Test
  void aRestartStopsTheNodeLeftRunningOnItsDataDirectoryAndKeepsEveryAcceptedArticle()
      throws Exception {
    Path root = Durability.newDir("pantau-embedded-left-it-");
    PantauProcess app = PantauProcess.embedded(root.resolve("pantau"), Durability.fastRetries());
    Path home = app.embeddedHome();
    try {
      app.start();
      int accepted = ingest(app, 0, BEFORE_KILL);
      long pendingAtKill = app.get("/api/ingest/status").json().get("journalPending").asLong();

      // The reader of the pipe before the shell that leads the group: once the leader is gone,
      // Pantau closes its end of the pipe, and a living reader would stop the node.
      List<Proc> watchdog =
          LocalProcesses.watchdogs(home).stream()
              .sorted(Comparator.comparing((Proc p) -> p.pid() == p.processGroup()))
              .toList();
      watchdog.forEach(p -> LocalProcesses.signal("KILL", p.pid()));
      app.kill();
      assertTrue(pendingAtKill > 0, "the kill came mid-ingest: " + pendingAtKill + " pending");
      Thread.sleep(5_000);
      List<Proc> left = LocalProcesses.embeddedNode(home);
      assertFalse(left.isEmpty(), "the node outlived its Pantau");

      long t0 = System.nanoTime();
      app.start();
      double restartSeconds = (System.nanoTime() - t0) / 1e9;
      Set<Long> leftPids = left.stream().map(Proc::pid).collect(Collectors.toSet());
      List<Proc> still =
          LocalProcesses.embeddedNode(home).stream()
              .filter(p -> leftPids.contains(p.pid()))
              .toList();
      assertTrue(still.isEmpty(), "the node left running was stopped: " + describe(still));
      Path log = root.resolve("pantau/pantau-console.log");
      String found = lastLine(log, "Elasticsearch left running on");
      String stopped = lastLine(log, "Stopped the Elasticsearch left on");
      assertFalse(found.isEmpty() || stopped.isEmpty(), "the restart said what it did");
      accepted += finish(app, accepted);
      System.out.println(found);
      System.out.println(stopped);
      System.out.printf(
          "EmbeddedCrashRestartIT: killed the watchdog (%d processes), then Pantau with %d of %d"
              + " accepted articles pending; the node left running (%d processes) was stopped by"
              + " the restart, which took %.1f s; %d articles stored exactly once%n",
          watchdog.size(), pendingAtKill, BEFORE_KILL, left.size(), restartSeconds, accepted);
    } finally {
      app.close();
      LocalProcesses.killEmbeddedNode(home);
      Durability.deleteTree(root);
    }
  }

  private static int ingest(PantauProcess app, int from, int to) {
    int accepted = 0;
    for (int n = from; n < to; n += Durability.PER_REQUEST) {
      accepted += Durability.sendBulk(app, n, Math.min(to, n + Durability.PER_REQUEST));
    }
    return accepted;
  }

  /**
   * After a restart: work resumed from the journal, the rest of the articles sent, everything
   * drained and every accepted article searchable exactly once. Returns how many were accepted.
   */
  private static int finish(PantauProcess app, int acceptedBefore) throws InterruptedException {
    JsonNode after = app.get("/api/ingest/status").json();
    assertTrue(after.get("recovered").asInt() > 0, "work resumed from the journal: " + after);
    int accepted = ingest(app, BEFORE_KILL, BEFORE_KILL + AFTER_RESTART);
    assertEquals(AFTER_RESTART, accepted);
    JsonNode drained =
        app.awaitStatus(
            s -> s.get("journalPending").asLong() == 0 && s.get("backlog").asInt() == 0,
            Durability.DRAIN_TIMEOUT);
    assertEquals(0, drained.get("journalPending").asLong(), "drained: " + drained);
    assertEquals(0, drained.get("failed").asLong(), "nothing failed: " + drained);
    Durability.assertSearchableExactlyOnce(app, "berita", acceptedBefore + accepted);
    return accepted;
  }

  /** The last line of a log that contains {@code text}, or "" when none does. */
  private static String lastLine(Path log, String text) throws IOException {
    if (!Files.exists(log)) {
      return "";
    }
    List<String> lines =
        Files.readAllLines(log, StandardCharsets.UTF_8).stream()
            .filter(l -> l.contains(text))
            .toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  private static String describe(List<Proc> procs) {
    return procs.stream().map(Proc::brief).collect(Collectors.joining("; ", "[", "]"));
  }
}
