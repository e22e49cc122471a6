package io.pantau.dashboards;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Imports every {@code .ndjson} file of a folder into Kibana, overwriting objects with the same
 * ids, after waiting until Kibana reports itself available. The counterpart of {@code
 * dashboards/import.sh} for machines without a shell and curl.
 */
public final class KibanaImporter {
  private final Path folder;
  private final Optional<String> basicAuth;
  private final Duration waitForKibana;
  private final HttpClient http;

  /**
   * @param folder where the {@code .ndjson} files are
   * @param basicAuth {@code user:password} for a secured Kibana, as in {@code KIBANA_AUTH}
   * @param waitForKibana how long to wait for {@code /api/status} to report available
   */
  public KibanaImporter(Path folder, Optional<String> basicAuth, Duration waitForKibana) {
    this.folder = folder;
    this.basicAuth = basicAuth.filter(s -> !s.isBlank());
    this.waitForKibana = waitForKibana;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** The folder {@code dashboards/}, with auth from the environment variable KIBANA_AUTH. */
  public static KibanaImporter fromEnvironment() {
    return new KibanaImporter(
        Path.of("dashboards"),
        Optional.ofNullable(System.getenv("KIBANA_AUTH")),
        Duration.ofMinutes(5));
  }

  /**
   * Waits for Kibana, then imports each file in name order and reports on {@code out}.
   *
   * @return 0 when every file imported, 1 when Kibana rejected something, 2 when Kibana never
   *     became available or the files could not be read
   */
  public int importAll(URI kibana, PrintStream out) {
    List<Path> files;
    try {
      files = ndjsonFiles();
    } catch (IOException | UncheckedIOException e) {
      out.println("cannot read " + folder + ": " + e.getMessage());
      return 2;
    }
    if (files.isEmpty()) {
      out.println("no .ndjson files in " + folder);
      return 2;
    }
    if (!awaitAvailable(kibana, out)) {
      return 2;
    }
    int status = 0;
    for (Path file : files) {
      try {
        HttpResponse<String> r = http.send(importRequest(kibana, file), bodyAsString());
        if (r.statusCode() == 200 && r.body().replace(" ", "").contains("\"success\":true")) {
          out.println("imported " + file.getFileName());
        } else {
          out.println("import of " + file.getFileName() + " failed (" + r.statusCode() + "):");
          out.println(r.body());
          status = 1;
        }
      } catch (IOException e) {
        out.println("import of " + file.getFileName() + " failed: " + e.getMessage());
        status = 1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 2;
      }
    }
    return status;
  }

  private List<Path> ndjsonFiles() throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".ndjson")).sorted().toList();
    }
  }

  // Kibana answers /api/status with 503 until its core services are up.
  private boolean awaitAvailable(URI kibana, PrintStream out) {
    Instant deadline = Instant.now().plus(waitForKibana);
    String last = "no answer";
    while (true) {
      try {
        HttpResponse<String> r =
            http.send(request(kibana.resolve("/api/status")).GET().build(), bodyAsString());
        if (r.statusCode() == 200
            && r.body().replace(" ", "").contains("\"level\":\"available\"")) {
          return true;
        }
        last = "HTTP " + r.statusCode();
      } catch (IOException e) {
        last = e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      if (Instant.now().isAfter(deadline)) {
        out.println("Kibana at " + kibana + " is not available: " + last);
        return false;
      }
      try {
        Thread.sleep(Math.min(2000, Math.max(50, waitForKibana.toMillis() / 10)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private HttpRequest importRequest(URI kibana, Path file) throws IOException {
    String boundary = "pantau-" + UUID.randomUUID();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName()
                + "\"\r\nContent-Type: application/ndjson\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    List<byte[]> parts = new ArrayList<>(List.of(head, Files.readAllBytes(file), tail));
    return request(kibana.resolve("/api/saved_objects/_import?overwrite=true"))
        .header("kbn-xsrf", "true")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArrays(parts))
        .build();
  }

  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
    basicAuth.ifPresent(
        a ->
            b.header(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(a.getBytes(StandardCharsets.UTF_8))));
    return b;
  }

  private static HttpResponse.BodyHandler<String> bodyAsString() {
    return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
  }
}
