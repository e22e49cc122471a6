package io.pantau.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.pantau.testsupport.UsesDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Wrong API keys cost bounded memory, and one address that keeps sending them is slowed down
 * without locking out the keys already working from it. The HTTP requests come from their own
 * loopback addresses (127.0.0.2, 127.0.0.3), so the limit they reach does not touch other tests.
 */
@QuarkusTest
@UsesDatabase
@QuarkusTestResource(ElasticsearchResource.class)
class AuthFailureLimitTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject ApiKeys keys;

  @ConfigProperty(name = "pantau.security.key-cache-size", defaultValue = "10000")
  int bound;

  @ConfigProperty(name = "pantau.security.max-auth-failures", defaultValue = "20")
  int maxFailures;

  @ConfigProperty(name = "pantau.security.auth-failure-window", defaultValue = "1m")
  Duration window;

  @TestHTTPResource URL url;

  private static String randomKey() {
    byte[] b = new byte[30];
    RANDOM.nextBytes(b);
    return "pk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  @Test
  void manyRandomKeysLeaveTheKeyCacheBounded() {
    for (int i = 0; i < 3 * bound; i++) {
      assertTrue(keys.authenticate(randomKey()).isEmpty());
    }
    assertTrue(keys.authenticate(Api.EDITOR).isPresent());
    // Configured keys are never cached; stored keys that worked are few here.
    assertTrue(
        keys.cacheSize() <= bound + 50,
        "the key cache holds " + keys.cacheSize() + " entries; its bound is " + bound);
  }

  /** One answer: status, lower-cased headers, body. */
  private record Answer(int status, Map<String, String> headers, String body) {}

  /** A GET over a socket bound to {@code from}, so that the server sees that client address. */
  private Answer get(String from, String path, String key) throws IOException {
    try (Socket s =
        new Socket(
            InetAddress.getByName(url.getHost()), url.getPort(), InetAddress.getByName(from), 0)) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: "
                  + url.getHost()
                  + "\r\nX-API-Key: "
                  + key
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String[] head = text.substring(0, end).split("\r\n");
      Map<String, String> headers = new HashMap<>();
      for (int i = 1; i < head.length; i++) {
        int colon = head[i].indexOf(':');
        headers.put(
            head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            head[i].substring(colon + 1).trim());
      }
      return new Answer(Integer.parseInt(head[0].split(" ")[1]), headers, text.substring(end + 4));
    }
  }

  @Test
  void repeatedWrongKeysFromOneAddressGet429WhileAKeyThatWorkedThereStillWorks() throws Exception {
    String from = "127.0.0.2";
    assertEquals(200, get(from, "/api/alerts", Api.EDITOR).status());
    for (int i = 0; i < maxFailures; i++) {
      assertEquals(401, get(from, "/api/alerts", randomKey()).status(), "wrong key " + i);
    }
    Answer refused = get(from, "/api/alerts", randomKey());
    assertEquals(429, refused.status(), refused.toString());
    assertTrue(
        refused.headers().get("content-type").startsWith("application/problem+json"),
        refused.toString());
    assertTrue(refused.body().contains("\"status\":429"), refused.body());
    long retryAfter = Long.parseLong(refused.headers().get("retry-after"));
    assertTrue(retryAfter >= 1 && retryAfter <= window.toSeconds(), "Retry-After: " + retryAfter);

    assertEquals(
        200, get(from, "/api/alerts", Api.EDITOR).status(), "the key that worked here still does");
    assertEquals(
        429,
        get(from, "/api/alerts", Api.VIEWER).status(),
        "a key that has not worked from this address waits like a wrong one: no oracle");
    assertEquals(
        401, get("127.0.0.3", "/api/alerts", randomKey()).status(), "other addresses are apart");
  }
}
