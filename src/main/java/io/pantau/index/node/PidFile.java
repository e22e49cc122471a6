package io.pantau.index.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What a running node left in its home: the process group to stop it by, its HTTP port and the
 * Pantau that launched it. Written right after launch and removed when the node is stopped, so a
 * pid file found at start means the last node on this home was not stopped by its Pantau.
 *
 * @param processGroup the watchdog's pid, the group id of the watchdog and the node
 * @param httpPort where the node answered
 * @param pantauPid the Pantau process that launched it
 * @param esHome the unpacked distribution it runs from
 */
record PidFile(long processGroup, int httpPort, long pantauPid, Path esHome) {
  static final String NAME = "node.pid";
  private static final Logger LOG = Logger.getLogger(PidFile.class.getName());

  void write(Path home) throws IOException {
    String text =
        String.join(
            "\n",
            "# The embedded Elasticsearch that Pantau launched; removed when Pantau stops it.",
            "processGroup=" + processGroup,
            "httpPort=" + httpPort,
            "pantauPid=" + pantauPid,
            "esHome=" + esHome,
            "");
    Path tmp = home.resolve(NAME + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    // A crash while writing leaves the old file or the new one, never half of one.
    Files.move(
        tmp,
        home.resolve(NAME),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** The pid file in {@code home}; empty when there is none or it cannot be read (logged). */
  static Optional<PidFile> read(Path home) {
    Path file = home.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Map<String, String> v = new HashMap<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (!line.startsWith("#") && eq > 0) {
          v.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
      }
      return Optional.of(
          new PidFile(
              Long.parseLong(v.get("processGroup")),
              Integer.parseInt(v.get("httpPort")),
              Long.parseLong(v.get("pantauPid")),
              Path.of(v.get("esHome"))));
    } catch (IOException | RuntimeException e) {
      LOG.warning("Ignoring unreadable pid file " + file + ": " + e);
      return Optional.empty();
    }
  }

  static void delete(Path home) {
    try {
      Files.deleteIfExists(home.resolve(NAME));
    } catch (IOException e) {
      LOG.warning("Could not remove " + home.resolve(NAME) + ": " + e);
    }
  }
}
