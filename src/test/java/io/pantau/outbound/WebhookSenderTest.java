package io.pantau.outbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.testsupport.LocalSite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {
  private static final byte[] PAYLOAD = "{\"kind\":\"match\"}".getBytes(StandardCharsets.UTF_8);
  private static final Map<String, String> HEADERS =
      Map.of("Content-Type", "application/json", "User-Agent", "Pantau-Alerts");

  @Test
  void aWebhookHostThatRebindsAfterTheCheckIsCalledOnlyAtTheAddressTheGuardChecked() {
    Rebinding rebinding = new Rebinding();
    Rebinding.Pair<LocalSite> sites = Rebinding.onOnePort(LocalSite::start);
    List<byte[]> bodies = new CopyOnWriteArrayList<>();
    try (LocalSite internal = sites.internal();
        LocalSite checked = sites.checked()) {
      for (LocalSite s : List.of(internal, checked)) {
        s.handle(
            "/hook",
            ex -> {
              bodies.add(ex.getRequestBody().readAllBytes());
              LocalSite.respond(ex, 204, null, new byte[0]);
            });
      }
      WebhookSender.Answer answer =
          new WebhookSender(rebinding.guard())
              .post(Rebinding.uri(sites.port(), "/hook"), HEADERS, PAYLOAD, Duration.ofSeconds(5));
      assertEquals(List.of(), internal.requests(), "calls that reached the internal address");
      assertEquals(204, answer.status());
      LocalSite.Seen call = checked.requests("/hook").get(0);
      assertEquals("localhost:" + sites.port(), call.headers().get("host"));
      assertEquals("application/json", call.headers().get("content-type"));
      assertEquals("Pantau-Alerts", call.headers().get("user-agent"));
      assertArrayEquals(PAYLOAD, bodies.get(0));
      assertEquals(List.of("localhost"), rebinding.lookups());
    }
  }

  @Test
  void aRedirectIsReturnedToTheCallerNotFollowed() {
    try (LocalSite site = LocalSite.start()) {
      site.redirect("/hook", 307, "/elsewhere");
      WebhookSender.Answer answer =
          new WebhookSender(new OutboundGuard(true))
              .post(site.uri("/hook"), HEADERS, PAYLOAD, Duration.ofSeconds(5));
      assertEquals(new WebhookSender.Answer(307, Optional.of("/elsewhere")), answer);
      assertTrue(site.requests("/elsewhere").isEmpty());
    }
  }

  @Test
  void aRefusedWebhookIsNeverCalledAndASlowOneFailsInTime() {
    try (LocalSite site = LocalSite.start()) {
      site.handle(
          "/slow",
          ex -> {
            try {
              Thread.sleep(3000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            LocalSite.respond(ex, 204, null, new byte[0]);
          });
      URI hook = site.uri("/slow");
      OutboundRefusedException refused =
          assertThrows(
              OutboundRefusedException.class,
              () ->
                  new WebhookSender(new OutboundGuard(false))
                      .post(hook, HEADERS, PAYLOAD, Duration.ofSeconds(5)));
      assertTrue(refused.getMessage().contains("internal address"), refused.getMessage());
      assertTrue(site.requests().isEmpty());
      long start = System.nanoTime();
      FetchException slow =
          assertThrows(
              FetchException.class,
              () ->
                  new WebhookSender(new OutboundGuard(true))
                      .post(hook, HEADERS, PAYLOAD, Duration.ofMillis(700)));
      assertEquals(FetchException.Reason.network, slow.reason());
      assertTrue(slow.getMessage().contains("within"), slow.getMessage());
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2500, "gave up in time");
    }
  }
}
