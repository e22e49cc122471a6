package io.pantau.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer against a local server that checks requests the way Kibana's import route does. */
class KibanaImporterTest {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=(\\S+)");

  @TempDir Path folder;
  private HttpServer kibana;
  private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  private final List<byte[]> uploads = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger statusCalls = new AtomicInteger();
  private volatile int unavailableAnswers;
  private volatile String importAnswer = "{\"success\":true,\"successCount\":2,\"errors\":[]}";
  private volatile String expectedAuth;

  @BeforeEach
  void startFakeKibana() throws IOException {
    kibana = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    kibana.createContext("/api/status", this::status);
    kibana.createContext("/api/saved_objects/_import", this::importRoute);
    kibana.start();
  }

  @AfterEach
  void stopFakeKibana() {
    kibana.stop(0);
  }

  private URI uri() {
    return URI.create("http://127.0.0.1:" + kibana.getAddress().getPort());
  }

  private void status(HttpExchange ex) throws IOException {
    checkAuth(ex);
    if (statusCalls.incrementAndGet() <= unavailableAnswers) {
      answer(ex, 503, "{\"status\":{\"overall\":{\"level\":\"unavailable\"}}}");
    } else {
      answer(ex, 200, "{\"status\":{\"overall\":{\"level\": \"available\"}}}");
    }
  }

  private void importRoute(HttpExchange ex) throws IOException {
    checkAuth(ex);
    byte[] body = ex.getRequestBody().readAllBytes();
    if (!ex.getRequestMethod().equals("POST")) {
      problems.add("method " + ex.getRequestMethod());
    }
    if (!"overwrite=true".equals(ex.getRequestURI().getQuery())) {
      problems.add("query " + ex.getRequestURI().getQuery());
    }
    if (ex.getRequestHeaders().getFirst("kbn-xsrf") == null) {
      answer(ex, 400, "{\"message\":\"Request must contain a kbn-xsrf header.\"}");
      return;
    }
    String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
    Matcher m = BOUNDARY.matcher(type);
    if (!type.startsWith("multipart/form-data") || !m.find()) {
      problems.add("content type " + type);
      answer(ex, 415, "{}");
      return;
    }
    String text = new String(body, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + m.group(1);
    int headStart = text.indexOf(delimiter + "\r\n");
    int headEnd = text.indexOf("\r\n\r\n", headStart);
    int end = text.indexOf("\r\n" + delimiter + "--", headEnd);
    if (headStart != 0 || headEnd < 0 || end < 0) {
      problems.add("not one multipart part: " + text);
      answer(ex, 400, "{}");
      return;
    }
    String head = text.substring(headStart, headEnd);
    Matcher file = Pattern.compile("name=\"file\"; filename=\"([^\"]+)\"").matcher(head);
    if (!file.find() || !file.group(1).endsWith(".ndjson")) {
      answer(ex, 400, "{\"message\":\"Invalid file extension\"}");
      problems.add("part head " + head);
      return;
    }
    uploads.add(Arrays.copyOfRange(body, headEnd + 4, end));
    answer(ex, 200, importAnswer);
  }

  private void checkAuth(HttpExchange ex) {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String expected =
        expectedAuth == null
            ? null
            : "Basic "
                + Base64.getEncoder().encodeToString(expectedAuth.getBytes(StandardCharsets.UTF_8));
    if (!Objects.equals(expected, auth)) {
      problems.add("authorization " + auth);
    }
  }

  private static void answer(HttpExchange ex, int status, String json) throws IOException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void uploadsEachNdjsonFileAsItIsOnceKibanaIsAvailable() throws IOException {
    unavailableAnswers = 2;
    String content = Files.readString(DashboardCatalog.FILE, StandardCharsets.UTF_8);
    write("pantau-dashboards.ndjson", content);
    write("README.txt", "not a saved-object file");
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    int status = importer(Optional.empty()).importAll(uri(), new PrintStream(log, true));

    assertEquals(0, status, log.toString());
    assertEquals(List.of(), problems);
    assertEquals(1, uploads.size());
    assertEquals(content, new String(uploads.get(0), StandardCharsets.UTF_8));
    assertTrue(statusCalls.get() >= 3, "waited through the 503 answers");
    assertTrue(log.toString().contains("imported pantau-dashboards.ndjson"), log.toString());
  }

  @Test
  void sendsBasicAuthWhenGiven() throws IOException {
    expectedAuth = "elastic:s3cret";
    write("a.ndjson", "{\"type\":\"index-pattern\",\"id\":\"x\",\"attributes\":{}}\n");

    int status =
        importer(Optional.of("elastic:s3cret"))
            .importAll(uri(), new PrintStream(new ByteArrayOutputStream()));

    assertEquals(0, status);
    assertEquals(List.of(), problems);
  }

  @Test
  void reportsKibanasErrorsAndFailsWhenTheImportIsNotASuccess() throws IOException {
    importAnswer =
        "{\"success\":false,\"successCount\":0,\"errors\":[{\"id\":\"pantau-x\",\"type\":\"lens\","
            + "\"error\":{\"type\":\"missing_references\"}}]}";
    write("a.ndjson", "{}\n");
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    int status = importer(Optional.empty()).importAll(uri(), new PrintStream(log, true));

    assertEquals(1, status);
    assertTrue(log.toString().contains("missing_references"), log.toString());
  }

  @Test
  void givesUpWhenKibanaNeverBecomesAvailable() throws IOException {
    unavailableAnswers = Integer.MAX_VALUE;
    write("a.ndjson", "{}\n");
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    int status =
        new KibanaImporter(folder, Optional.empty(), Duration.ofMillis(300))
            .importAll(uri(), new PrintStream(log, true));

    assertEquals(2, status);
    assertTrue(uploads.isEmpty());
    assertTrue(log.toString().contains("not available"), log.toString());
  }

  @Test
  void failsWithoutFilesToImport() {
    int status =
        importer(Optional.empty()).importAll(uri(), new PrintStream(new ByteArrayOutputStream()));

    assertEquals(2, status);
    assertEquals(0, statusCalls.get());
  }

  private KibanaImporter importer(Optional<String> auth) {
    return new KibanaImporter(folder, auth, Duration.ofSeconds(20));
  }
}
