package io.pantau.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server answering {@code /api/status} and {@code /api/saved_objects/_import} the way
 * Kibana does, recording uploads and anything a real Kibana would reject. Listens on loopback only;
 * close it after use.
 *
 * <p>Its fields are what it saw and how it answers: {@code problems} lists what a real Kibana would
 * have rejected, {@code uploads} the imported files, {@code statusCalls} the status requests; set
 * {@code unavailableAnswers} (status answers 503 first), {@code importAnswer} and {@code
 * expectedAuth} (user:password for Basic auth) before the call.
 */
public final class FakeKibana implements AutoCloseable {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=(\\S+)");
  private static final Pattern FILE = Pattern.compile("name=\"file\"; filename=\"([^\"]+)\"");

  public final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  public final List<byte[]> uploads = Collections.synchronizedList(new ArrayList<>());
  public final AtomicInteger statusCalls = new AtomicInteger();
  public volatile int unavailableAnswers;
  public volatile String importAnswer = "{\"success\":true,\"successCount\":2,\"errors\":[]}";
  public volatile String expectedAuth;
  private final HttpServer server;

  public FakeKibana() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/api/status", this::status);
    server.createContext("/api/saved_objects/_import", this::importRoute);
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
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
      problems.add("no kbn-xsrf header");
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
    String delimiter = "--" + m.group(1).replace("\"", "");
    int headEnd = text.indexOf("\r\n\r\n");
    int end = text.indexOf("\r\n" + delimiter + "--");
    if (!text.startsWith(delimiter + "\r\n") || headEnd < 0 || end < headEnd) {
      problems.add("not one multipart part: " + text);
      answer(ex, 400, "{}");
      return;
    }
    String head = text.substring(0, headEnd);
    Matcher file = FILE.matcher(head);
    if (!file.find() || !file.group(1).endsWith(".ndjson")) {
      problems.add("part head " + head);
      answer(ex, 400, "{\"message\":\"Invalid file extension\"}");
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
}
