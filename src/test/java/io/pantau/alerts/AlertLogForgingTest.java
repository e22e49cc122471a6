package io.pantau.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.pantau.testsupport.LogCapture;
import io.pantau.testsupport.UsesDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outside text cannot forge or rewrite alert log lines: a rule whose name carries CR LF and a fake
 * log line, delivered to a webhook receiver whose answer carries ESC and VT characters in a header,
 * leaves one give-up line with the name's line break shown as escapes and no control character in
 * any alerts log line. (The JDK's HTTP client quoted such a header in its error message; the
 * outbound connector does not, but whatever a delivery error quotes goes through the same escaping,
 * checked on its own at the end.)
 */
@QuarkusTest
@UsesDatabase
@QuarkusTestResource(ElasticsearchResource.class)
class AlertLogForgingTest {
  private static final String FORGED = "2026-12-01 00:00:00,000 ERROR [io.pantau.security] forged";

  private LogCapture log;

  @BeforeEach
  void listen() {
    log = LogCapture.start();
  }

  @AfterEach
  void stopListening() {
    log.stop();
  }

  /** What was logged, a line per record of the alerts package, its message only. */
  private List<String> lines() {
    List<String> out = new ArrayList<>();
    for (LogCapture.Line l : log.lines()) {
      if (l.logger() != null && l.logger().startsWith("io.pantau.alerts")) {
        out.add(l.message());
      }
    }
    return out;
  }

  /** A receiver that reads each request and answers 500 with a header holding ESC and VT. */
  private static Thread hostileReceiver(ServerSocket server) {
    Thread t =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                  InputStream in = s.getInputStream();
                  readRequest(in);
                  OutputStream out = s.getOutputStream();
                  out.write(
                      ("HTTP/1.1 500 Oops\r\nX-Note: a\u001b[2K\u000b"
                              + FORGED
                              + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                          .getBytes(StandardCharsets.ISO_8859_1));
                  out.flush();
                } catch (IOException e) {
                  // Closed by the test, or a client that went away: wait for the next one.
                }
              }
            },
            "hostile-webhook");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void readRequest(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      head.append((char) b);
    }
    String h = head.toString().toLowerCase(java.util.Locale.ROOT);
    int at = h.indexOf("content-length:");
    if (at >= 0) {
      int length = Integer.parseInt(h.substring(at + 15, h.indexOf("\r\n", at)).trim());
      in.readNBytes(length);
    }
  }

  private static boolean unsafe(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
  }

  @Test
  void aRuleNameWithCrLfAndAReceiverAnsweringControlCharactersCannotForgeALogLine()
      throws Exception {
    String tag = "logforge" + UUID.randomUUID().toString().substring(0, 8);
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      hostileReceiver(server);
      String url = "http://127.0.0.1:" + server.getLocalPort() + "/hook";
      int id =
          Api.asEditor()
              .contentType(ContentType.JSON)
              .body(
                  Map.of(
                      "name",
                      "Floods\r\n" + FORGED,
                      "query",
                      tag,
                      "type",
                      "match",
                      "channels",
                      List.of(Map.of("type", "webhook", "url", url))))
              .post("/api/alerts")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      Api.storeArticle(
          Map.of(
              "url",
              "https://uji.example/" + tag,
              "title",
              "Uji " + tag,
              "body",
              "Berita uji " + tag + " untuk log.",
              "source",
              "uji.example",
              "lang",
              "id",
              "published",
              Instant.now().minusSeconds(600).toString()));
      String givingUp = null;
      for (int i = 0; i < 300 && givingUp == null; i++) {
        givingUp =
            lines().stream()
                // "Alert 7 (name): giving up ..." (the old form had no name: "Alert 7: ...").
                .filter(
                    l ->
                        (l.startsWith("Alert " + id + " ") || l.startsWith("Alert " + id + ":"))
                            && l.contains("giving up"))
                .findFirst()
                .orElse(null);
        Thread.sleep(100);
      }
      assertNotNull(givingUp, "no give-up line for alert " + id + " in " + lines());
      for (String line : lines()) {
        for (char c : line.toCharArray()) {
          assertTrue(
              !unsafe(c),
              String.format(
                  "U+%04X in an alerts log line: %s", (int) c, line.replace('\u001b', '^')));
        }
      }
      assertTrue(givingUp.contains("Floods\\r\\n" + FORGED), givingUp);
      assertEquals("answered a\\u001b[2K\\u000bx", LogText.of("answered a\u001b[2K\u000bx"));
      assertEquals(1, givingUp.lines().count(), givingUp);
    }
  }
}
