package io.pantau.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.pantau.testsupport.UsesDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * A webhook receiver that follows the README's recipe (its own HMAC, not Pantau's code) takes
 * Pantau's deliveries, retries included, and refuses the same requests replayed, re-dated, given a
 * new delivery id or sent too late.
 */
@QuarkusTest
@UsesDatabase
@QuarkusTestResource(ElasticsearchResource.class)
class WebhookReplayTest {
  /** How far a receiver lets a timestamp stray from its clock. */
  private static final long TOLERANCE_SECONDS = 300;

  /** One request as it arrived, and the receiver's answer to it. */
  record Seen(String timestamp, String delivery, String signature, byte[] body, int status) {}

  /** The receiver: verifies, refuses stale and replayed requests, can fail on purpose. */
  static final class VerifyingReceiver implements AutoCloseable {
    final HttpServer server;
    final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    final Set<String> accepted = ConcurrentHashMap.newKeySet();
    final AtomicInteger failNext = new AtomicInteger();
    volatile String secret;

    VerifyingReceiver() throws Exception {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hook",
          exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Headers h = exchange.getRequestHeaders();
            String ts = h.getFirst("X-Pantau-Timestamp");
            String id = h.getFirst("X-Pantau-Delivery");
            String sig = h.getFirst("X-Pantau-Signature");
            int status = verdict(ts, id, sig, body);
            if (status == 204 && failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
              status = 500;
            } else if (status == 204) {
              accepted.add(id);
            }
            seen.add(new Seen(ts, id, sig, body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      server.start();
    }

    private int verdict(String ts, String id, String sig, byte[] body) {
      if (ts == null || id == null || sig == null || !ts.matches("[0-9]{1,12}")) {
        return 400;
      }
      String expected = hmac(secret, (ts + "." + id + ".").getBytes(StandardCharsets.UTF_8), body);
      // Constant-time, as a receiver should compare.
      if (!MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII))) {
        return 401;
      }
      if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(ts)) > TOLERANCE_SECONDS) {
        return 403;
      }
      return accepted.contains(id) ? 409 : 204;
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  static String hmac(String secret, byte[] prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(prefix);
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int send(String url, String ts, String id, String sig, byte[] body)
      throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("X-Pantau-Timestamp", ts)
            .header("X-Pantau-Delivery", id)
            .header("X-Pantau-Signature", sig)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void deliveriesVerifyAndKeepTheirIdAcrossRetriesAndReplaysAreRefused() throws Exception {
    String tag = "replay" + UUID.randomUUID().toString().substring(0, 8);
    try (VerifyingReceiver receiver = new VerifyingReceiver()) {
      String secret =
          Api.asEditor()
              .contentType(ContentType.JSON)
              .body(
                  Map.of(
                      "name",
                      "Replay " + tag,
                      "query",
                      tag,
                      "type",
                      "match",
                      "channels",
                      List.of(Map.of("type", "webhook", "url", receiver.url()))))
              .post("/api/alerts")
              .then()
              .statusCode(201)
              .extract()
              .path("secret");
      receiver.secret = secret;
      receiver.failNext.set(1);
      Api.storeArticle(
          Map.of(
              "url",
              "https://uji.example/" + tag,
              "title",
              "Uji " + tag,
              "body",
              "Berita uji " + tag + " untuk tanda tangan.",
              "source",
              "uji.example",
              "lang",
              "id",
              "published",
              Instant.now().minusSeconds(600).toString()));

      Seen first = receiver.seen.poll(20, TimeUnit.SECONDS);
      assertNotNull(first, "no webhook call");
      assertEquals(500, first.status(), "the first attempt verified and was failed on purpose");
      Seen retry = receiver.seen.poll(20, TimeUnit.SECONDS);
      assertNotNull(retry, "no retry");
      assertEquals(204, retry.status(), "the retry verifies and is new to the receiver");
      assertEquals(first.delivery(), retry.delivery(), "a retry keeps its delivery id");
      assertTrue(Long.parseLong(retry.timestamp()) >= Long.parseLong(first.timestamp()));
      UUID.fromString(retry.delivery());

      String url = receiver.url();
      byte[] body = retry.body();
      assertEquals(
          409,
          send(url, retry.timestamp(), retry.delivery(), retry.signature(), body),
          "the same request again: a replay of an accepted delivery");
      String now = Long.toString(Instant.now().getEpochSecond() + 1);
      assertEquals(
          401,
          send(url, retry.timestamp(), UUID.randomUUID().toString(), retry.signature(), body),
          "a new delivery id breaks the signature");
      assertEquals(
          401,
          send(url, now, retry.delivery(), retry.signature(), body),
          "a new timestamp breaks the signature");
      byte[] tampered =
          new String(body, StandardCharsets.UTF_8)
              .replace(tag, "x")
              .getBytes(StandardCharsets.UTF_8);
      assertEquals(
          401,
          send(url, retry.timestamp(), retry.delivery(), retry.signature(), tampered),
          "a changed body breaks the signature");
      // A request signed correctly long ago (captured, held back, sent late) fails the clock.
      String old = Long.toString(Instant.now().getEpochSecond() - 2 * TOLERANCE_SECONDS);
      String freshId = UUID.randomUUID().toString();
      String oldSig =
          hmac(secret, (old + "." + freshId + ".").getBytes(StandardCharsets.UTF_8), body);
      assertEquals(403, send(url, old, freshId, oldSig, body), "a stale timestamp");
    }
  }
}
