package io.pantau.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client on loopback: what the benchmark talks to Pantau and Elasticsearch with. */
final class Http {
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String base;
  private final String apiKey;

  Http(String base, String apiKey) {
    this.base = base;
    this.apiKey = apiKey;
  }

  /** An answer: status, body and the {@code Server-Timing} header (empty when absent). */
  record Answer(int status, String body, String serverTiming) {
    Answer ok() {
      if (status / 100 != 2) {
        throw new IllegalStateException("HTTP " + status + ": " + abbreviate(body));
      }
      return this;
    }
  }

  Answer get(String path) {
    return send(request(path).GET());
  }

  Answer post(String path, String contentType, byte[] body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  Answer put(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  Answer delete(String path) {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5));
    if (apiKey != null) {
      b.header("X-API-Key", apiKey);
    }
    return b;
  }

  private Answer send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          r.statusCode(), r.body(), r.headers().firstValue("Server-Timing").orElse(""));
    } catch (IOException e) {
      throw new IllegalStateException("request failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String abbreviate(String s) {
    return s == null || s.length() < 500 ? s : s.substring(0, 500) + "...";
  }
}
