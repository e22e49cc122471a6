package io.pantau.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.pantau.alerts.Signature;
import io.pantau.outbound.OutboundGuard;
import io.pantau.outbound.Rebinding;
import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.pantau.testsupport.UsesDatabase;
import io.pantau.testsupport.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
@UsesDatabase
@QuarkusTestResource(ElasticsearchResource.class)
class AlertApiTest {
  /** The port %test.quarkus.mailer.port names in application.properties. */
  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static final String QUERY = "\"Kazakhstan\" AND (China OR Tiongkok)";

  private static final String BODY =
      "Pemerintah Kazakhstan dan China menandatangani perjanjian pembangunan jalur kereta barang"
          + " baru di Astana pada Selasa pagi.\n\n"
          + "Jalur sepanjang 800 kilometer itu akan menghubungkan kota perbatasan Khorgos dengan"
          + " pelabuhan kering di timur Kazakhstan. Menteri Perhubungan menyebut proyek ini akan"
          + " memangkas waktu pengiriman hingga tiga hari.\n\n"
          + "Tiongkok menanggung sebagian besar pembiayaan melalui pinjaman jangka panjang,"
          + " sementara perusahaan lokal mengerjakan konstruksi stasiun dan gudang.\n\n"
          + "Para pengamat menilai kerja sama ini memperkuat posisi Asia Tengah dalam rantai"
          + " logistik antara Eropa dan Asia Timur.";

  private static final String UNRELATED =
      "Hujan deras sejak dini hari membuat Sungai Ciliwung meluap dan merendam ratusan rumah di"
          + " Jakarta Timur.\n\n"
          + "Petugas pemadam kebakaran dan relawan mengevakuasi warga lanjut usia ke masjid"
          + " terdekat. Dapur umum didirikan di halaman kantor kelurahan.\n\n"
          + "Badan Meteorologi memperkirakan hujan masih akan turun hingga akhir pekan.";

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static Map<String, Object> webhookRule(String name, String query, String url) {
    return Map.of(
        "name",
        name,
        "query",
        query,
        "type",
        "match",
        "channels",
        List.of(Map.of("type", "webhook", "url", url)),
        "enabled",
        true);
  }

  private static JsonPath create(Map<String, Object> rule) {
    return Api.asEditor()
        .contentType(ContentType.JSON)
        .body(rule)
        .post("/api/alerts")
        .then()
        .statusCode(201)
        .body("id", notNullValue())
        .body("secret", notNullValue())
        .extract()
        .jsonPath();
  }

  private static String post(String title, String body, String url, String source) {
    return Api.storeArticle(
        Map.of(
            "url", url,
            "title", title,
            "body", body,
            "source", source,
            "lang", "id",
            "published", Instant.now().minusSeconds(600).toString()));
  }

  @Test
  void aMatchingArticleDeliversOneSignedWebhookAndCopiesOfItsStoryNoMore() throws Exception {
    try (WebhookReceiver hook = new WebhookReceiver()) {
      JsonPath rule = create(webhookRule("Kazakhstan " + unique(), QUERY, hook.url()));
      String secret = rule.getString("secret");
      long ruleId = rule.getLong("id");
      String tag = unique();

      long posted = System.nanoTime();
      String first =
          post(
              "Kazakhstan dan China Sepakati Jalur Kereta Baru",
              BODY,
              "https://warta.example/ekonomi/" + tag,
              "warta.example");
      WebhookReceiver.Call call = hook.next(Duration.ofSeconds(2));
      assertNotNull(call, "no webhook within 2 s of the article being indexed");
      System.out.printf(
          "alert webhook received %d ms after the article was posted%n",
          (System.nanoTime() - posted) / 1_000_000);
      assertEquals(
          Signature.sign(Long.parseLong(call.timestamp()), call.delivery(), call.body(), secret),
          call.signature());
      JsonPath payload = JsonPath.from(call.text());
      assertEquals(ruleId, payload.getLong("rule.id"));
      assertEquals("match", payload.getString("kind"));
      assertEquals(List.of(first), payload.getList("articles.id"));
      assertEquals("warta.example", payload.getString("articles[0].source"));
      List<String> reasons = payload.getList("highlights.text");
      // Highlights quote the clauses in the query's canonical form.
      assertTrue(reasons.contains("\"Kazakhstan\""), reasons.toString());
      assertTrue(reasons.contains("China") || reasons.contains("Tiongkok"), reasons.toString());
      assertEquals(List.of(), hook.drain(Duration.ofMillis(800)), "more than one webhook");

      // A syndicated copy: a new first sentence, another URL and source.
      String copy =
          post(
              "Kazakhstan dan China Sepakati Jalur Kereta Baru",
              "Kerja sama transportasi kembali disepakati di Asia Tengah."
                  + BODY.substring(BODY.indexOf("\n\n")),
              "https://kabar.example/berita/" + tag,
              "kabar.example");
      String story1 = Api.asViewer().get("/api/articles/" + first).then().extract().path("storyId");
      String story2 = Api.asViewer().get("/api/articles/" + copy).then().extract().path("storyId");
      assertEquals(story1, story2, "the copy joins the story of the first article");
      List<WebhookReceiver.Call> later = hook.drain(Duration.ofMillis(1500));
      assertEquals(List.of(), later, "the copy of a notified story was notified again");

      post(
          "Banjir Rendam Jakarta Timur",
          UNRELATED,
          "https://warta.example/metro/" + tag,
          "warta.example");
      assertEquals(List.of(), hook.drain(Duration.ofMillis(1500)), "an unrelated article fired");

      Api.asViewer()
          .get("/api/alerts/" + ruleId + "/events")
          .then()
          .statusCode(200)
          .body("[-1].kind", equalTo("match"))
          .body("[-1].status", equalTo("delivered"))
          .body("[-1].attempts", equalTo(1))
          .body("[-1].articleIds", equalTo(List.of(first)))
          .body("[-1].storyId", equalTo(story1));
      String metrics =
          RestAssured.get("/q/metrics")
              .then()
              .body(containsString("pantau_alert_latency_seconds_count"))
              .extract()
              .asString();
      metrics
          .lines()
          .filter(l -> l.startsWith("pantau_alert_latency_seconds_"))
          .forEach(System.out::println);
    }
  }

  @Test
  void aFailingWebhookIsRetriedAndEachAttemptIsRecorded() throws Exception {
    try (WebhookReceiver hook = new WebhookReceiver()) {
      String tag = "retry" + unique();
      long ruleId = create(webhookRule("Retry " + tag, tag, hook.url())).getLong("id");
      hook.failNext(2);
      post(
          "Uji coba " + tag,
          "Berita uji " + tag + " untuk pengiriman ulang.",
          "https://uji.example/" + tag,
          "uji.example");
      assertNotNull(hook.next(Duration.ofSeconds(10)), "the third attempt should get through");
      // The attempt is recorded just after the receiver answered.
      for (int i = 0; i < 50 && !delivered(ruleId); i++) {
        Thread.sleep(100);
      }
      Api.asViewer()
          .get("/api/alerts/" + ruleId + "/events")
          .then()
          .body("", hasSize(1))
          .body("[0].status", equalTo("delivered"))
          .body("[0].attempts", equalTo(3))
          .body("[0].lastError", nullValue());
    }
  }

  @Test
  void aWebhookHostThatRebindsAfterTheCheckIsCalledOnlyAtTheAddressTheGuardChecked()
      throws Exception {
    Rebinding rebinding = new Rebinding();
    QuarkusMock.installMockForType(rebinding.guard(), OutboundGuard.class);
    Rebinding.Pair<WebhookReceiver> hooks = Rebinding.onOnePort(WebhookReceiver::new);
    try (WebhookReceiver internal = hooks.internal();
        WebhookReceiver checked = hooks.checked()) {
      String tag = "rebind" + unique();
      String url = Rebinding.uri(hooks.port(), "/hook").toString();
      long ruleId = create(webhookRule("Rebinding " + tag, tag, url)).getLong("id");
      post(
          "Uji coba " + tag,
          "Berita uji " + tag + " untuk alamat yang berubah.",
          "https://uji.example/" + tag,
          "uji.example");
      String status = null;
      for (int i = 0; i < 100 && (status == null || status.equals("pending")); i++) {
        Thread.sleep(100);
        status = Api.asViewer().get("/api/alerts/" + ruleId + "/events").path("[0].status");
      }
      Api.asEditor().delete("/api/alerts/" + ruleId).then().statusCode(204);
      assertEquals(
          List.of(), internal.drain(Duration.ZERO), "calls that reached the internal address");
      assertEquals("delivered", status);
      assertEquals(1, checked.drain(Duration.ZERO).size(), "calls to the checked address");
    }
  }

  private static boolean delivered(long ruleId) {
    return "delivered"
        .equals(Api.asViewer().get("/api/alerts/" + ruleId + "/events").path("[0].status"));
  }

  @Test
  void anEmailAlertSendsTextAndHtmlParts() throws Exception {
    String tag = "surel" + unique();
    create(
        Map.of(
            "name",
            "Surel " + tag,
            "query",
            tag,
            "type",
            "match",
            "channels",
            List.of(Map.of("type", "email", "to", "redaksi@pantau.example"))));
    post(
        "Kabar " + tag,
        "Isi berita " + tag + " untuk surel.",
        "https://surel.example/" + tag,
        "surel.example");
    // Generous: late in the full suite, deliveries of earlier rules retrying dead endpoints queue
    // ahead of this one (seen at about 60 s; to be fixed by per-channel delivery queues).
    assertTrue(MAIL.waitForIncomingEmail(90_000, 1), "no mail arrived");
    MimeMessage m = MAIL.getReceivedMessages()[0];
    assertTrue(m.getSubject().contains("Surel " + tag), m.getSubject());
    Multipart parts = (Multipart) m.getContent();
    List<String> types = new ArrayList<>();
    StringBuilder all = new StringBuilder();
    collect(parts, types, all);
    assertTrue(types.stream().anyMatch(t -> t.startsWith("text/plain")), types.toString());
    assertTrue(types.stream().anyMatch(t -> t.startsWith("text/html")), types.toString());
    assertTrue(all.toString().contains("Kabar " + tag), all.toString());
  }

  private static void collect(Multipart mp, List<String> types, StringBuilder text)
      throws Exception {
    for (int i = 0; i < mp.getCount(); i++) {
      var part = mp.getBodyPart(i);
      Object content = part.getContent();
      if (content instanceof Multipart inner) {
        collect(inner, types, text);
      } else {
        types.add(part.getContentType().toLowerCase());
        text.append(content);
      }
    }
  }

  @Test
  void rulesAreStoredReadUpdatedAndDeleted() {
    long id =
        create(
                webhookRule(
                    "CRUD " + unique(),
                    "crud" + unique() + " AND Astana",
                    "http://127.0.0.1:9/hook"))
            .getLong("id");
    Api.asViewer()
        .get("/api/alerts/" + id)
        .then()
        .statusCode(200)
        .body("query", containsString(" AND Astana"))
        .body("type", equalTo("match"))
        .body("owner", equalTo("editor"))
        .body("secret", nullValue())
        // Viewers see webhook URLs masked (webhookUrlsAreMaskedForViewersAndShownToEditors).
        .body("channels[0].url", equalTo("http://127.0.0.1:9/\u2026"));
    Api.asViewer().get("/api/alerts").then().statusCode(200).body("id", hasItem((int) id));
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name", "Volume",
                "query", "kereta",
                "type", "volume_spike",
                "window", "30m",
                "threshold", 2.5,
                "channels", List.of(Map.of("type", "email", "to", "a@b.example"))))
        .put("/api/alerts/" + id)
        .then()
        .statusCode(200)
        .body("type", equalTo("volume_spike"))
        .body("window", equalTo("PT30M"))
        .body("threshold", equalTo(2.5f))
        .body("baselineWindows", equalTo(24));
    Api.asEditor().delete("/api/alerts/" + id).then().statusCode(204);
    Api.asViewer().get("/api/alerts/" + id).then().statusCode(404);
    Api.asViewer().get("/api/alerts/" + id + "/events").then().statusCode(404);
  }

  @Test
  void webhookUrlsAreMaskedForViewersAndShownToEditors() throws Exception {
    String tag = "mask" + unique();
    String url = "http://127.0.0.1:9/services/T0001/B0002/" + tag + "Token?sig=" + tag;
    long id = create(webhookRule("Mask " + tag, tag, url)).getLong("id");
    post(
        "Uji coba " + tag,
        "Berita uji " + tag + " untuk penyamaran.",
        "https://uji.example/" + tag,
        "uji.example");
    // The delivery to the closed port fails; its event is recorded before the first attempt.
    for (int i = 0; i < 100 && events(Api.EDITOR, id).isEmpty(); i++) {
      Thread.sleep(100);
    }
    String masked = "http://127.0.0.1:9/\u2026";
    for (String viewerRead :
        List.of(
            RestAssured.given().header("X-API-Key", Api.VIEWER).get("/api/alerts/" + id).asString(),
            RestAssured.given().header("X-API-Key", Api.VIEWER).get("/api/alerts").asString(),
            RestAssured.given()
                .header("X-API-Key", Api.VIEWER)
                .get("/api/alerts/" + id + "/events")
                .asString())) {
      assertTrue(
          !viewerRead.contains(tag + "Token"), "a viewer read the webhook URL: " + viewerRead);
    }
    Api.asViewer().get("/api/alerts/" + id).then().body("channels[0].url", equalTo(masked));
    assertEquals("webhook " + masked, events(Api.VIEWER, id).get(0).get("channel"));

    Api.asEditor().get("/api/alerts/" + id).then().body("channels[0].url", equalTo(url));
    Api.asEditor()
        .get("/api/alerts")
        .then()
        .body("find { it.id == " + id + " }.channels[0].url", equalTo(url));
    assertEquals("webhook " + url, events(Api.EDITOR, id).get(0).get("channel"));
    Api.asAdmin().get("/api/alerts/" + id).then().body("channels[0].url", equalTo(url));
    Api.asEditor().delete("/api/alerts/" + id).then().statusCode(204);
  }

  private static List<Map<String, Object>> events(String key, long id) {
    return RestAssured.given()
        .header("X-API-Key", key)
        .get("/api/alerts/" + id + "/events")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("");
  }

  @Test
  void concurrentDeletesOfOneRuleAnswerOneNoContentAndTheRestNotFound() throws Exception {
    long id =
        create(webhookRule("Race " + unique(), "race" + unique(), "http://127.0.0.1:9/hook"))
            .getLong("id");
    int racers = 8;
    var start = new java.util.concurrent.CountDownLatch(1);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
    try {
      List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return Api.asEditor().delete("/api/alerts/" + id).statusCode();
                }));
      }
      start.countDown();
      List<Integer> codes = new ArrayList<>();
      for (var a : answers) {
        codes.add(a.get(30, java.util.concurrent.TimeUnit.SECONDS));
      }
      assertEquals(1, codes.stream().filter(c -> c == 204).count(), codes.toString());
      assertEquals(racers - 1, codes.stream().filter(c -> c == 404).count(), codes.toString());
    } finally {
      pool.shutdownNow();
    }
    Api.asViewer().get("/api/alerts/" + id).then().statusCode(404);
  }

  @Test
  void invalidRulesAreRefusedWithTheReason() {
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(webhookRule("Bad", "(Kazakhstan OR China", "https://hooks.example/x"))
        .post("/api/alerts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("expected \")\" at 20"))
        .body("errors[0].field", equalTo("query"));
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(webhookRule("Bad", "China", "ftp://hooks.example/x"))
        .post("/api/alerts")
        .then()
        .statusCode(400)
        .body("detail", containsString("only http and https"));
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(
            Map.of("name", "No channel", "query", "China", "type", "match", "channels", List.of()))
        .post("/api/alerts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("channels"));
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name", "Window",
                "query", "China",
                "type", "volume_spike",
                "window", "10s",
                "channels", List.of(Map.of("type", "email", "to", "a@b.example"))))
        .post("/api/alerts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("window"));
    Api.asViewer()
        .contentType(ContentType.JSON)
        .body(webhookRule("Viewer", "China", "https://hooks.example/x"))
        .post("/api/alerts")
        .then()
        .statusCode(403);
  }

  @Test
  void previewCountsTheLastThirtyDaysAndShowsSamples() {
    String tag = "pratinjau" + unique();
    post(
        "Pratinjau " + tag,
        "Berita " + tag + " pertama.",
        "https://p.example/1/" + tag,
        "p.example");
    post(
        "Pratinjau lagi " + tag,
        "Berita " + tag + " kedua.",
        "https://p.example/2/" + tag,
        "p.example");
    Api.asViewer()
        .contentType(ContentType.JSON)
        .body(Map.of("query", tag))
        .post("/api/alerts/preview")
        .then()
        .statusCode(200)
        .body("total", equalTo(2))
        .body("samples", hasSize(2))
        .body("samples[0].title", containsString(tag))
        .body("from", notNullValue());
    Api.asViewer()
        .contentType(ContentType.JSON)
        .body(Map.of("query", "China NEAR/"))
        .post("/api/alerts/preview")
        .then()
        .statusCode(400)
        .body("detail", containsString("query:"));
  }
}
