package io.pantau.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pantau as users run it: the packaged application in its own JVM, pointed at the benchmark's
 * Elasticsearch, so that its heap and resident memory are its own. A sampler thread follows the
 * heap in use through {@code /q/metrics}.
 */
final class PantauProcess implements AutoCloseable {
  static final String KEY = "bench-admin-key";

  private final Process process;
  private final Http http;
  private final Http metrics;
  private final AtomicLong peakHeapBytes = new AtomicLong();
  private final AtomicLong peakLiveBytes = new AtomicLong();
  private final Thread sampler;
  private volatile boolean sampling = true;
  private volatile boolean paused;

  private PantauProcess(Process process, int port) {
    this.process = process;
    this.http = new Http("http://127.0.0.1:" + port, KEY);
    this.metrics = new Http("http://127.0.0.1:" + port, null);
    this.sampler = new Thread(this::sample, "bench-heap-sampler");
    this.sampler.setDaemon(true);
  }

  /** Starts the jar and waits until it answers healthy. */
  static PantauProcess start(BenchOptions o, String esHostAndPort, Path dataDir, Path log)
      throws IOException, InterruptedException {
    int port = BenchOptions.freePort();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.add("-Xmx" + o.pantauHeap());
    cmd.add("-XX:+Use" + o.pantauGc());
    cmd.addAll(o.pantauJvmArgs());
    cmd.add("-Dquarkus.http.port=" + port);
    cmd.add("-Dquarkus.http.host=127.0.0.1");
    cmd.add("-Dquarkus.elasticsearch.hosts=" + esHostAndPort);
    cmd.add("-Dpantau.elasticsearch.embedded=false");
    cmd.add("-Dpantau.data-dir=" + dataDir);
    cmd.add("-Dpantau.seeds.load-on-empty=false");
    cmd.add("-Dpantau.index.replicas=0");
    cmd.add("-Dpantau.trends.cron=off");
    cmd.add("-Dpantau.feeds.poll-every=off");
    cmd.add("-Dpantau.outbound.allow-private-networks=true");
    cmd.add("-Dpantau.security.keys.bench.key=" + KEY);
    cmd.add("-Dpantau.security.keys.bench.role=admin");
    cmd.add("-Dpantau.ingest.sync-wait=120s");
    cmd.add("-Dquarkus.log.level=WARN");
    cmd.addAll(o.pantauProperties());
    cmd.add("-jar");
    cmd.add(o.jar().toString());
    Files.createDirectories(dataDir);
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .directory(dataDir.toFile())
            .start();
    PantauProcess pantau = new PantauProcess(p, port);
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      if (!p.isAlive()) {
        throw new IllegalStateException("Pantau exited at start; see " + log);
      }
      try {
        if (pantau.metrics.get("/q/health/ready").status() == 200) {
          break;
        }
      } catch (IllegalStateException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        pantau.close();
        throw new IllegalStateException("Pantau did not become ready; see " + log);
      }
      Thread.sleep(250);
    }
    pantau.sampler.start();
    return pantau;
  }

  Http http() {
    return http;
  }

  Optional<ProcessHandle> handle() {
    return Optional.of(process.toHandle());
  }

  long pid() {
    return process.pid();
  }

  /**
   * Stops or resumes the heap samples. Each sample has Pantau render every meter as Prometheus
   * text, several milliseconds of its CPU four times a second: load a real scraper (every 15 s or
   * more) does not add, and which landed inside the analytics calls the benchmark times. Paused for
   * those; a sample is taken when resuming.
   */
  void pauseSampling(boolean pause) {
    paused = pause;
  }

  /** The most heap in use seen so far (sampled about every 250 ms outside pauses). */
  long peakHeapBytes() {
    return peakHeapBytes.get();
  }

  /** The largest old generation seen right after a collection (the live set), in bytes. */
  long peakLiveBytes() {
    return peakLiveBytes.get();
  }

  /** The process's peak resident set size (VmHWM), in bytes; -1 where /proc is unavailable. */
  long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  private void sample() {
    while (sampling) {
      try {
        if (paused) {
          Thread.sleep(50);
          continue;
        }
        long used = 0;
        for (String line : metrics.get("/q/metrics").body().split("\n")) {
          if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
            used += value(line);
          } else if (line.startsWith("jvm_gc_live_data_size_bytes")) {
            peakLiveBytes.accumulateAndGet(value(line), Math::max);
          }
        }
        peakHeapBytes.accumulateAndGet(used, Math::max);
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // a sample lost while Pantau is busy or stopping
      }
    }
  }

  private static long value(String metricLine) {
    return (long) Double.parseDouble(metricLine.substring(metricLine.lastIndexOf(' ') + 1));
  }

  @Override
  public void close() {
    sampling = false;
    sampler.interrupt();
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
