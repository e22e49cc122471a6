package io.pantau.index.node;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Signals through the {@code kill} command: the JDK can signal one process (TERM or KILL only) but
 * not a process group, and a stopped process needs CONT to act on a TERM.
 */
final class Signals {
  private static final Logger LOG = Logger.getLogger(Signals.class.getName());

  private Signals() {}

  /** Sends {@code signal} (e.g. "TERM") to every process of group {@code pgid}. */
  static void group(String signal, long pgid) {
    kill(signal, "-" + pgid);
  }

  /** Sends {@code signal} to the one process {@code pid}. */
  static void process(String signal, long pid) {
    kill(signal, Long.toString(pid));
  }

  private static void kill(String signal, String target) {
    try {
      new ProcessBuilder("kill", "-" + signal, "--", target)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      LOG.warning("kill -" + signal + " " + target + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
