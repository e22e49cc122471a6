package io.pantau.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * CPU time used by a process and all its descendants (user plus system, from {@code /proc}), so
 * that Pantau's cost per article can be set beside Elasticsearch's on a machine whose other load
 * makes wall-clock rates drift. Reads as zero where {@code /proc} is missing.
 */
final class CpuMeter {
  /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every Linux this runs on. */
  private static final double TICKS_PER_SECOND = 100.0;

  private final Optional<ProcessHandle> root;

  CpuMeter(Optional<ProcessHandle> root) {
    this.root = root;
  }

  /** CPU seconds used so far by the process tree. */
  double seconds() {
    return overTree(CpuMeter::ownSeconds);
  }

  /**
   * CPU seconds used so far by the JIT compiler threads of the process tree (threads named "C1
   * CompilerThread..." and "C2 CompilerThread..."): while they are busy, the code being timed is
   * not yet in its final compiled form.
   */
  double compilerSeconds() {
    return overTree(CpuMeter::compilerSeconds);
  }

  /** The sum of a per-process figure over the process tree; 0 without one. */
  private double overTree(ToDoubleFunction<ProcessHandle> perProcess) {
    if (root.isEmpty()) {
      return 0;
    }
    ProcessHandle r = root.get();
    return Stream.concat(Stream.of(r), r.descendants()).mapToDouble(perProcess).sum();
  }

  private static double compilerSeconds(ProcessHandle p) {
    double sum = 0;
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(p.pid()), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            sum += ticks(stat);
          }
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return sum;
  }

  /** utime plus stime of a {@code stat} line, in seconds. */
  private static double ticks(String stat) {
    // fields after the command name, which is in parentheses and may hold spaces
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
  }

  private static double ownSeconds(ProcessHandle p) {
    try {
      return ticks(Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat")));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
