package io.pantau.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With no mail server configured (as on a fresh install), a rule with an e-mail channel is refused
 * when it is saved, naming what to set, instead of being stored and then failing every attempt.
 */
@QuarkusTest
@QuarkusTestResource(ElasticsearchResource.class)
@TestProfile(AlertMailServerTest.NoMailServer.class)
class AlertMailServerTest {

  /**
   * The configuration of a fresh install: none of the test profile's settings, so no
   * quarkus.mailer.host (an override cannot unset it, and an empty value stops Quarkus); only the
   * test keys, a free port and loopback webhooks are added, and the mailer is not mocked, as it is
   * not outside dev and test mode.
   */
  public static class NoMailServer implements QuarkusTestProfile {
    @Override
    public String getConfigProfile() {
      return "fresh-install";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.mailer.mock", "false",
          "quarkus.http.test-port", "0",
          "pantau.seeds.load-on-empty", "false",
          "pantau.outbound.allow-private-networks", "true",
          "pantau.security.keys.editor.key", Api.EDITOR,
          "pantau.security.keys.editor.role", "editor");
    }
  }

  private static Map<String, Object> rule(Map<String, String> channel) {
    return Map.of(
        "name", "Mail check", "query", "Kazakhstan", "type", "match", "channels", List.of(channel));
  }

  @Test
  void anEmailChannelIsRefusedWhenNoMailServerIsConfigured() {
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(rule(Map.of("type", "email", "to", "desk@example.org")))
        .post("/api/alerts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("channels[0]"))
        .body("detail", containsString("need a mail server"))
        .body("detail", containsString("quarkus.mailer.host"))
        .body("detail", containsString("QUARKUS_MAILER_HOST"));
  }

  @Test
  void aWebhookChannelIsStillAccepted() {
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(rule(Map.of("type", "webhook", "url", "http://127.0.0.1:9/hook")))
        .post("/api/alerts")
        .then()
        .statusCode(201);
  }
}
