package io.pantau.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The machine's processes as {@code /proc} shows them, read independently of the launcher under
 * test, so that tests can see what a killed Pantau left behind and stop it. Linux only, like the
 * embedded node.
 */
public final class LocalProcesses {
  private LocalProcesses() {}

  /** One process: its pid, process group, state letter ('Z' for a zombie) and arguments. */
  public record Proc(long pid, long processGroup, char state, List<String> args) {
    public boolean alive() {
      return state != 'Z' && state != 'X';
    }

    /** The arguments, shortened for a failure message. */
    public String brief() {
      String c = String.join(" ", args);
      return pid + " (group " + processGroup + "): " + (c.length() > 160 ? c.substring(0, 160) : c);
    }
  }

  /**
   * The living processes of the embedded node whose home is {@code home}: the Elasticsearch JVMs
   * running from its {@code dist/} and any {@code pantau-es-watchdog} shell launched for them.
   */
  public static List<Proc> embeddedNode(Path home) {
    String dist = home.toAbsolutePath().normalize().resolve("dist") + "/";
    return all().stream()
        .filter(Proc::alive)
        .filter(p -> p.args().stream().anyMatch(a -> a.startsWith("-Des.path.home=" + dist)))
        .toList();
  }

  /** The watchdog shells (every process of that name that mentions {@code home}). */
  public static List<Proc> watchdogs(Path home) {
    String dist = home.toAbsolutePath().normalize().resolve("dist") + "/";
    return all().stream()
        .filter(Proc::alive)
        .filter(p -> p.args().contains("pantau-es-watchdog"))
        .filter(p -> p.args().stream().anyMatch(a -> a.startsWith(dist)))
        .toList();
  }

  /** Polls until the supplier gives no process; how long it took, or empty after the timeout. */
  public static Optional<Duration> awaitNone(Supplier<List<Proc>> procs, Duration timeout)
      throws InterruptedException {
    long t0 = System.nanoTime();
    while (!procs.get().isEmpty()) {
      if (System.nanoTime() - t0 > timeout.toNanos()) {
        return Optional.empty();
      }
      Thread.sleep(100);
    }
    return Optional.of(Duration.ofNanos(System.nanoTime() - t0));
  }

  /** {@code kill -SIGNAL pid}; a negative pid names a process group. */
  public static void signal(String signal, long pid) {
    try {
      new ProcessBuilder("kill", "-" + signal, "--", Long.toString(pid))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new IllegalStateException("kill -" + signal + " " + pid + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Test clean-up: SIGKILL to the process groups of whatever is left of the node on {@code home}
   * (nothing when all went well), so no JVM outlives the test whatever failed.
   */
  public static void killEmbeddedNode(Path home) {
    Stream.concat(embeddedNode(home).stream(), watchdogs(home).stream())
        .map(Proc::processGroup)
        .distinct()
        .forEach(g -> signal("KILL", -g));
  }

  /** Every process; those that end while it is read are left out. */
  public static List<Proc> all() {
    List<Proc> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
      for (Path dir : dirs.toList()) {
        String name = dir.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit)) {
          read(Long.parseLong(name), dir).ifPresent(out::add);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc: " + e, e);
    }
    return out;
  }

  private static Optional<Proc> read(long pid, Path dir) {
    try {
      String stat = Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8);
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
