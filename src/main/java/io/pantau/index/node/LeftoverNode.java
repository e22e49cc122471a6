package io.pantau.index.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A node that an earlier Pantau left running on a home, found and stopped before a new node is
 * launched there (two nodes on one data path fail with "failed to obtain node locks").
 *
 * <p>It is only called with the home's owner lock held, so no living Pantau owns what it finds. It
 * stops rather than adopts: the watchdog of such a node watched a Pantau that is gone (or the node
 * predates the watchdog), its settings (heap, ports, version) are those of the earlier start, and a
 * node nobody supervises would outlive the new Pantau too. SIGTERM lets Elasticsearch close its
 * shards cleanly; the new node then starts on the same data within the usual start time.
 *
 * <p>A process counts as part of the node only by its own command line, read from {@code /proc}: an
 * Elasticsearch JVM whose {@code -Des.path.home} lies under this home's {@code dist/} (any version
 * unpacked there), or the watchdog launched for one. So a pid in a stale pid file that the system
 * gave to another program since is never signalled. A process group is signalled only when the
 * group is known to be the node's (its leader is part of the node, or the pid file names it and a
 * member is part of the node, and no other program leads it); otherwise each process alone.
 */
final class LeftoverNode {
  private static final Logger LOG = Logger.getLogger(LeftoverNode.class.getName());
  private static final Path PROC = Path.of("/proc");
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  /** One process as {@code /proc} shows it. */
  record Proc(long pid, long processGroup, char state, List<String> args) {
    /** A zombie has exited; it only waits for its parent to collect its status. */
    boolean exited() {
      return state == 'Z' || state == 'X';
    }
  }

  private final Path home;
  private final String distPrefix;
  private final Duration grace;

  /**
   * @param home the node's home (the pid file and {@code dist/} are in it)
   * @param grace how long the node may take to stop after SIGTERM before SIGKILL
   */
  LeftoverNode(Path home, Duration grace) {
    this.home = home.toAbsolutePath().normalize();
    this.distPrefix = this.home.resolve("dist") + "/";
    this.grace = grace;
  }

  /**
   * Stops what an earlier run left on the home and removes its pid file. True when a node was found
   * and stopped, false when there was none.
   *
   * @throws EmbeddedElasticsearchException when the node is still there after SIGKILL
   */
  boolean stop() throws InterruptedException {
    Optional<PidFile> pidFile = PidFile.read(home);
    List<Proc> all = scan();
    List<Proc> node = all.stream().filter(this::belongs).filter(p -> !p.exited()).toList();
    if (node.isEmpty()) {
      pidFile.ifPresent(
          f ->
              LOG.info(
                  "Removing the stale pid file "
                      + home.resolve(PidFile.NAME)
                      + ": "
                      + staleReason(f, all)
                      + "; no Elasticsearch of an earlier run is left on "
                      + home));
      PidFile.delete(home);
      return false;
    }
    long t0 = System.nanoTime();
    Optional<Long> recorded = pidFile.map(PidFile::processGroup);
    LOG.warning(
        "Elasticsearch left running on "
            + home
            + " by an earlier Pantau"
            + pidFile
                .map(
                    f ->
                        " (pid file: process group "
                            + f.processGroup()
                            + ", port "
                            + f.httpPort()
                            + ", launched by Pantau pid "
                            + f.pantauPid()
                            + ")")
                .orElse(" (no pid file)")
            + ", processes "
            + describe(node)
            + ": stopping it with SIGTERM before starting a new node");
    signal("TERM", recorded);
    // A stopped process keeps a TERM pending until it is continued.
    signal("CONT", recorded);
    boolean stopped = awaitGone(grace);
    if (!stopped) {
      LOG.warning(
          "Elasticsearch left on "
              + home
              + " still runs "
              + grace.toSeconds()
              + " s after SIGTERM; sending SIGKILL");
      signal("KILL", recorded);
      stopped = awaitGone(KILL_WAIT);
    }
    if (!stopped) {
      throw new EmbeddedElasticsearchException(
          "Could not stop the Elasticsearch left running on "
              + home
              + " (processes "
              + describe(scan().stream().filter(this::belongs).toList())
              + "); stop it by hand and start Pantau again.");
    }
    PidFile.delete(home);
    LOG.info(
        String.format(
            "Stopped the Elasticsearch left on %s after %.1f s",
            home, (System.nanoTime() - t0) / 1e9));
    return true;
  }

  /** True when the process is part of a node on this home, by its command line alone. */
  boolean belongs(Proc p) {
    boolean watchdog = p.args().contains(Watchdog.NAME);
    for (String a : p.args()) {
      if (a.startsWith("-Des.path.home=" + distPrefix)) {
        return true;
      }
      if (watchdog && a.startsWith(distPrefix) && a.endsWith("/bin/elasticsearch")) {
        return true;
      }
    }
    return false;
  }

  private void signal(String signal, Optional<Long> recorded) {
    List<Proc> all = scan();
    Set<Long> groups = new LinkedHashSet<>();
    for (Proc p : all) {
      if (belongs(p) && !p.exited()) {
        if (isNodeGroup(p.processGroup(), recorded, all)) {
          groups.add(p.processGroup());
        } else {
          Signals.process(signal, p.pid());
        }
      }
    }
    groups.forEach(g -> Signals.group(signal, g));
  }

  /**
   * A group is the node's when its leader is part of the node, or when the pid file names it, a
   * member is part of the node and no other program leads it. (Linux gives no new process a pid
   * that is still the id of a group, so the group of a surviving member is the one first made.)
   */
  private boolean isNodeGroup(long group, Optional<Long> recorded, List<Proc> all) {
    Optional<Proc> leader = all.stream().filter(p -> p.pid() == group).findFirst();
    if (leader.isPresent()) {
      return belongs(leader.get());
    }
    return recorded.isPresent()
        && recorded.get() == group
        && all.stream().anyMatch(p -> p.processGroup() == group && belongs(p));
  }

  private boolean awaitGone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (scan().stream().noneMatch(p -> belongs(p) && !p.exited())) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(200);
    }
  }

  private static String staleReason(PidFile f, List<Proc> all) {
    return all.stream()
        .filter(p -> p.pid() == f.processGroup())
        .findFirst()
        .map(p -> "pid " + f.processGroup() + " now runs another program (" + command(p) + ")")
        .orElse("process group " + f.processGroup() + " is gone");
  }

  private static String describe(List<Proc> procs) {
    return procs.stream()
        .map(p -> p.pid() + " (" + role(p) + ", group " + p.processGroup() + ")")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String role(Proc p) {
    if (p.args().contains(Watchdog.NAME)) {
      return "watchdog";
    }
    if (p.args().stream().anyMatch(a -> a.endsWith("org.elasticsearch.bootstrap.Elasticsearch"))) {
      return "server";
    }
    return p.args().contains("org.elasticsearch.launcher.CliToolLauncher") ? "launcher" : "other";
  }

  private static String command(Proc p) {
    String c = String.join(" ", p.args());
    return c.length() > 120 ? c.substring(0, 120) + "..." : c;
  }

  /** Every process {@code /proc} shows; those that end while it is read are left out. */
  static List<Proc> scan() {
    List<Proc> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(PROC)) {
      for (Path dir : dirs.toList()) {
        String name = dir.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        read(Long.parseLong(name), dir).ifPresent(out::add);
      }
    } catch (IOException e) {
      throw new EmbeddedElasticsearchException(
          "Cannot list /proc to look for an Elasticsearch left running: " + e, e);
    }
    return out;
  }

  private static Optional<Proc> read(long pid, Path dir) {
    try {
      String stat = Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8);
      // The command name in parentheses may hold spaces and parentheses; the fields follow the
      // last ')': state, ppid, pgrp, ...
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      byte[] raw = Files.readAllBytes(dir.resolve("cmdline"));
      List<String> args =
          raw.length == 0
              ? List.of()
              : Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
      return Optional.of(new Proc(pid, Long.parseLong(f[2]), f[0].charAt(0), args));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
