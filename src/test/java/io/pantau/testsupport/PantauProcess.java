package io.pantau.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) run as a separate JVM with
 * its own data directory and an Elasticsearch the test controls (or, through {@link #embedded}, the
 * one it launches for itself), for the black-box integration tests of {@code mvn verify}. It can be
 * killed with SIGKILL and started again on the same data.
 */
public final class PantauProcess implements AutoCloseable {
  public static final String KEY = "it-admin-key";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dataDir;

  /** host:port of the cluster to use; null: the embedded default. */
  private final String elasticsearch;

  private final Map<String, String> extra;
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Process process;
  private int port;

  /** A simple HTTP answer. */
  public record Answer(int status, Map<String, List<String>> headers, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  public PantauProcess(Path dataDir, String elasticsearch, Map<String, String> extra) {
    this.dataDir = dataDir;
    this.elasticsearch = elasticsearch;
    this.extra = extra;
  }

  /**
   * The app on its embedded default: no cluster configured, so it launches its own node under
   * {@code dataDir/elasticsearch} (from the zip the build copied). The node's port is picked free
   * rather than 9200 first, which other builds on the machine may be taking at the same moment.
   */
  public static PantauProcess embedded(Path dataDir, Map<String, String> extra) {
    String zip = System.getProperty("pantau.elasticsearch.distribution");
    if (zip == null) {
      throw new IllegalStateException("pantau.elasticsearch.distribution is not set");
    }
    Map<String, String> all = new LinkedHashMap<>(extra);
    all.put("pantau.elasticsearch.distribution", zip);
    all.put("pantau.elasticsearch.port", "0");
    return new PantauProcess(dataDir, null, all);
  }

  /**
   * Sets an environment variable of the JVM at its next start (settings as operators give them).
   */
  public PantauProcess env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** The console log of every start so far. */
  public Path consoleLog() {
    return dataDir.resolve("pantau-console.log");
  }

  /** Where the embedded node keeps its distribution, data and pid file. */
  public Path embeddedHome() {
    return dataDir.resolve("elasticsearch");
  }

  /** The Pantau JVM, while it runs. */
  public Optional<ProcessHandle> handle() {
    return Optional.ofNullable(process).filter(Process::isAlive).map(Process::toHandle);
  }

  /** Starts the JVM and waits until it answers its liveness check. */
  public void start() {
    String jar = System.getProperty("pantau.app.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "pantau.app.jar does not name the packaged application; run through mvn verify");
    }
    try {
      port = freePort();
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx512m");
      cmd.add("-Dquarkus.http.port=" + port);
      if (elasticsearch != null) {
        cmd.add("-Dquarkus.elasticsearch.hosts=" + elasticsearch);
        cmd.add("-Dpantau.elasticsearch.embedded=false");
      }
      cmd.add("-Dpantau.data-dir=" + dataDir);
      cmd.add("-Dpantau.seeds.load-on-empty=false");
      cmd.add("-Dpantau.security.generate-admin-key=false");
      cmd.add("-Dpantau.security.keys.it.key=" + KEY);
      cmd.add("-Dpantau.security.keys.it.role=admin");
      cmd.add("-Dpantau.index.replicas=0");
      cmd.add("-Dpantau.trends.cron=off");
      cmd.add("-Dpantau.feeds.poll-every=off");
      extra.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
      cmd.add("-jar");
      cmd.add(jar);
      Files.createDirectories(dataDir);
      Path log = dataDir.resolve("pantau-console.log");
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().putAll(environment);
      process =
          pb.redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      long deadline = System.nanoTime() + startTimeout().toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "Pantau exited with "
                  + process.exitValue()
                  + "; see "
                  + log
                  + ". Its errors and their causes:\n"
                  + causes(log, 12));
        }
        try {
          if (get("/q/health/live").status() == 200) {
            return;
          }
        } catch (UncheckedIOException e) {
          // not listening yet
        }
        Thread.sleep(250);
      }
      throw new IllegalStateException(
          "Pantau did not start within " + startTimeout().toSeconds() + " s; see " + log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGKILL: no shutdown hook, no flush, exactly like a crash. */
  public void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
      process = null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      process.destroy();
      // On the embedded default Pantau stops its node before it exits.
      if (!process.waitFor(elasticsearch == null ? 60 : 20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
      process = null;
    }
  }

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public Answer post(String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Polls the ingest status until the predicate holds; the last status either way. */
  public JsonNode awaitStatus(Predicate<JsonNode> done, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode s = get("/api/ingest/status").json();
    while (!done.test(s) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      s = get("/api/ingest/status").json();
    }
    return s;
  }

  /** The embedded default also unpacks (first start) and starts its node before it answers. */
  private Duration startTimeout() {
    return Duration.ofSeconds(elasticsearch == null ? 300 : 120);
  }

  /** The last error lines of a log and their "Caused by" lines, without the stack frames. */
  private static String causes(Path file, int lines) {
    try {
      List<String> console = Files.readAllLines(file);
      List<String> all =
          console.stream().filter(l -> l.contains("ERROR") || l.startsWith("Caused by:")).toList();
      if (all.isEmpty()) {
        // No error logged (a failure before logging starts): the end of the console instead.
        all = console;
      }
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private Answer send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r =
          http.send(
              b.header("X-API-Key", KEY).timeout(Duration.ofSeconds(120)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
