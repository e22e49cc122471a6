package io.pantau.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.pantau.testsupport.LogCapture;
import io.pantau.testsupport.UsesDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Captures everything logged while keys are generated, issued, used and refused and while a webhook
 * alert is made, and checks that no key and no webhook secret is in it.
 */
@QuarkusTest
@UsesDatabase
@QuarkusTestResource(ElasticsearchResource.class)
class SecretsInLogsTest {
  @Inject ApiKeys keys;

  private LogCapture log;

  @BeforeEach
  void listen() {
    log = LogCapture.start();
  }

  @AfterEach
  void stopListening() {
    log.stop();
  }

  /** What was logged, a line per record, with its stack trace as a line of its own. */
  private List<String> lines() {
    List<String> out = new ArrayList<>();
    for (LogCapture.Line l : log.lines()) {
      out.add(l.logger() + " " + l.message());
      if (l.thrown() != null) {
        out.add(l.thrown());
      }
    }
    return out;
  }

  @Test
  void noKeyOrWebhookSecretIsEverLogged() throws Exception {
    // A fresh admin key, generated as on first start: the file is named, the key is not.
    String oldAdmin = Api.adminKey();
    for (ApiKeys.KeyInfo k : keys.list()) {
      if (k.role() == Role.admin) {
        keys.revoke(k.id());
      }
    }
    keys.onStart(null);
    String admin = Api.adminKey();
    assertNotEquals(oldAdmin, admin);
    assertTrue(
        lines().stream().anyMatch(l -> l.contains("admin.key")),
        "the admin key file is named in the log: " + lines());

    Map<?, ?> issued =
        Api.asAdmin()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "log-check", "role", "editor"))
            .post("/api/keys")
            .then()
            .statusCode(201)
            .extract()
            .as(Map.class);
    String key = (String) issued.get("key");
    io.restassured.RestAssured.given()
        .header("X-API-Key", key)
        .get("/api/alerts")
        .then()
        .statusCode(200);
    io.restassured.RestAssured.given()
        .header("X-API-Key", key + "x")
        .get("/api/alerts")
        .then()
        .statusCode(401);
    String secret =
        io.restassured.RestAssured.given()
            .header("X-API-Key", key)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "name",
                    "log-check",
                    "query",
                    "banjir",
                    "type",
                    "match",
                    "channels",
                    List.of(Map.of("type", "webhook", "url", "http://127.0.0.1:1/hook"))))
            .post("/api/alerts")
            .then()
            .statusCode(201)
            .extract()
            .path("secret");
    assertTrue(secret != null && secret.length() >= 16, "the rule's webhook secret: " + secret);

    for (String s : List.of(oldAdmin, admin, key, secret, ApiKeys.hash(key))) {
      String needle = s.substring(0, Math.min(s.length(), 16));
      assertFalse(
          lines().stream().anyMatch(l -> l.contains(needle)),
          "a secret starting " + needle.substring(0, 4) + "... is in the log");
    }
    assertFalse(lines().stream().anyMatch(l -> l.contains(Api.EDITOR)), "the editor test key");
  }
}
