package io.pantau.index.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The small shell that the node is launched through, so that the node dies with the Pantau that
 * launched it, however Pantau dies.
 *
 * <p>A JVM shutdown hook does not run on SIGKILL (the kernel's out-of-memory killer, {@code kill
 * -9}) nor on a crash of the JVM itself, and the node sits in its own process group, so nothing in
 * Pantau's JVM can stop it then. What always happens when a process dies is that the kernel closes
 * its file descriptors. The watchdog's standard input is a pipe whose only writer is Pantau's JVM
 * (Java closes every other descriptor in the children it spawns), so a read on it returns end of
 * file exactly when that JVM is gone. No pid is polled, so a reused pid cannot fool it.
 *
 * <p>{@code setsid} makes the watchdog the leader of a new process group, and the node is its child
 * in that group, so the group id is the watchdog's pid. The watchdog's main shell waits for the
 * node and exits with its status (Pantau sees an early exit of the node as an exit of the process
 * it launched). A background subshell reads the pipe; at end of file it sends SIGTERM to the whole
 * group, gives the node the grace period, then sends SIGKILL to the group. The main shell takes
 * SIGTERM without dying, so an orderly stop from Pantau (SIGTERM to the group) still waits for the
 * node; the reader ignores it and is swept by the SIGKILL that follows every stop. The handlers are
 * set only after the node is launched: a signal ignored at exec stays ignored in the node's JVM.
 *
 * <p>It runs as whoever runs Pantau (root included; the node itself runs as {@code nobody} through
 * {@code setpriv} then), which may signal the node either way.
 */
final class Watchdog {
  /** Its {@code $0}: how its processes are told apart in {@code /proc/<pid>/cmdline}. */
  static final String NAME = "pantau-es-watchdog";

  /**
   * {@code $1} is Pantau's pid (for the log line only), {@code $2} the grace period in seconds, the
   * rest the node's command line. Its lines go to the node's console log.
   */
  static final String SCRIPT =
      """
      pantau=$1
      grace=$2
      shift 2
      exec 3<&0 </dev/null
      "$@" 3<&- &
      node=$!
      (
        trap '' TERM INT HUP
        while read -r _ <&3; do :; done
        echo "pantau-es-watchdog: Pantau (pid $pantau) is gone; stopping Elasticsearch (process group $$) with SIGTERM"
        kill -TERM -$$ 2>/dev/null
        kill -CONT -$$ 2>/dev/null
        waited=0
        while kill -0 "$node" 2>/dev/null && [ "$waited" -lt "$grace" ]; do
          sleep 1
          waited=$((waited + 1))
        done
        if kill -0 "$node" 2>/dev/null; then
          echo "pantau-es-watchdog: Elasticsearch still runs after $grace s; SIGKILL to process group $$"
        fi
        kill -KILL -$$ 2>/dev/null
      ) &
      trap ':' TERM INT HUP
      while :; do
        wait "$node"
        status=$?
        kill -0 "$node" 2>/dev/null || break
      done
      exit "$status"
      """;

  private Watchdog() {}

  /**
   * The command that launches {@code node} under the watchdog in a new process group. The caller
   * must keep the launched process's standard input (a pipe, ProcessBuilder's default) open for as
   * long as the node should live.
   */
  static List<String> command(long pantauPid, Duration grace, List<String> node) {
    List<String> cmd = new ArrayList<>(List.of("setsid", "sh", "-c", SCRIPT, NAME));
    cmd.add(Long.toString(pantauPid));
    cmd.add(Long.toString(Math.max(1, grace.toSeconds())));
    cmd.addAll(node);
    return cmd;
  }
}
