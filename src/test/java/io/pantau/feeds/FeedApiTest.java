package io.pantau.feeds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.outbound.OutboundGuard;
import io.pantau.outbound.Rebinding;
import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.pantau.testsupport.LocalSite;
import io.pantau.testsupport.UsesDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@UsesDatabase
@QuarkusTestResource(ElasticsearchResource.class)
class FeedApiTest {
  private static final String RSS = "application/rss+xml; charset=utf-8";
  private static final String HTML = "text/html; charset=utf-8";
  private static LocalSite site;

  @Inject Feeds feeds;

  @BeforeAll
  static void startSite() {
    site = LocalSite.start();
    site.serve(
        "/robots.txt",
        "text/plain",
        "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stopSite() {
    site.close();
  }

  private static String tag() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static String base() {
    return site.uri("").toString();
  }

  private static void servePage(String path, String html) {
    site.serve(path, HTML, html.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonPath register(Map<String, Object> body, int status) {
    return Api.asEditor()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/feeds")
        .then()
        .statusCode(status)
        .extract()
        .jsonPath();
  }

  private static JsonPath poll(long id) {
    return Api.asEditor()
        .queryParam("refresh", "true")
        .post("/api/feeds/" + id + "/_poll")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath status(long id) {
    return Api.asViewer().get("/api/feeds/" + id).then().statusCode(200).extract().jsonPath();
  }

  private static JsonPath search(String source, String q) {
    return Api.asViewer()
        .queryParam("source", source)
        .queryParam("q", q)
        .get("/api/articles")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void anRssFeedIsPolledIntoSearchableArticlesAndTheSecondPollIsA304() {
    String tag = tag();
    String path = "/" + tag + "/rss.xml";
    String etag = "\"" + tag + "-v1\"";
    byte[] feed = FeedSamples.rss("Berita Pagi", base(), tag).getBytes(StandardCharsets.UTF_8);
    site.handle(
        path,
        ex -> {
          ex.getResponseHeaders().add("ETag", etag);
          if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            LocalSite.respond(ex, 304, null, new byte[0]);
          } else {
            LocalSite.respond(ex, 200, RSS, feed);
          }
        });
    servePage("/id/" + tag + "-1.html", FeedSamples.indonesianPage("Petani Garut panen raya", tag));
    servePage("/id/" + tag + "-2.html", FeedSamples.indonesianPage("Harga beras turun", tag));
    String source = "rss-" + tag + ".example";
    double okPolls = metric("pantau_feeds_polls_total{outcome=\"ok\"}");

    JsonPath created =
        register(Map.of("url", base() + path, "source", source, "pollMinutes", 30), 201);
    long id = created.getLong("id");
    assertEquals(base() + path, created.getString("url"));
    assertEquals("Berita Pagi", created.getString("title"));
    assertEquals(source, created.getString("source"));
    assertEquals(30, created.getInt("pollMinutes"));
    assertEquals("pending", created.getString("status"));
    assertEquals(0, created.getInt("itemsSeen"));

    JsonPath first = poll(id);
    assertEquals(false, first.getBoolean("notModified"));
    assertEquals(2, first.getInt("itemsInFeed"));
    assertEquals(2, first.getInt("newItems"));
    assertEquals(2, first.getInt("indexed"));
    assertEquals(0, first.getInt("pageFallbacks"));
    assertEquals(okPolls + 1, metric("pantau_feeds_polls_total{outcome=\"ok\"}"));

    JsonPath found = search(source, "");
    assertEquals(2, found.getInt("total"));
    assertTrue(found.getList("items.title").contains("Petani Garut panen raya"), found.prettify());
    assertTrue(found.getString("items[0].body").contains("Kelompok tani"), found.prettify());
    assertEquals(source, found.getString("items[0].source"));

    JsonPath second = poll(id);
    assertEquals(true, second.getBoolean("notModified"));
    assertEquals(0, second.getInt("newItems"));
    assertEquals(0, second.getInt("indexed"));
    List<LocalSite.Seen> feedRequests = site.requests(path);
    assertEquals(3, feedRequests.size(), "registration, first poll, second poll");
    assertEquals(etag, feedRequests.get(2).headers().get("if-none-match"));
    assertEquals(1, site.requests("/id/" + tag + "-1.html").size(), "each page fetched once");
    assertEquals(2, search(source, "").getInt("total"));

    JsonPath s = status(id);
    assertEquals("ok", s.getString("status"));
    assertEquals(2, s.getInt("itemsSeen"));
    assertEquals(2, s.getInt("itemsIngested"));
    assertEquals(0, s.getInt("errorCount"));
    assertEquals(null, s.getString("lastError"));
    Instant polled = Instant.parse(s.getString("lastPolledAt"));
    assertEquals(polled, Instant.parse(s.getString("lastSuccessAt")));
    assertTrue(
        Instant.parse(s.getString("nextPollAt")).isAfter(polled.plus(Duration.ofMinutes(29))));
    Api.asViewer().get("/api/feeds").then().statusCode(200).body("id", hasItem((int) id));
  }

  @Test
  void onlyNewItemsAreFetchedWhenTheFeedChanges() {
    String tag = tag();
    String path = "/" + tag + "/changing.xml";
    String original = FeedSamples.rss("Berita Siang", base(), tag);
    AtomicReference<String> current = new AtomicReference<>(original);
    site.handle(
        path,
        ex -> LocalSite.respond(ex, 200, RSS, current.get().getBytes(StandardCharsets.UTF_8)));
    for (int i = 1; i <= 3; i++) {
      servePage("/id/" + tag + "-" + i + ".html", FeedSamples.indonesianPage("Kabar " + i, tag));
    }
    String source = "changing-" + tag + ".example";
    long id = register(Map.of("url", base() + path, "source", source), 201).getLong("id");
    assertEquals(2, poll(id).getInt("indexed"));
    current.set(
        original.replaceFirst(
            "<item>",
            "<item><title>Kabar ketiga</title><link>"
                + base()
                + "/id/"
                + tag
                + "-3.html</link><description>Kabar ketiga.</description></item><item>"));
    JsonPath second = poll(id);
    assertEquals(3, second.getInt("itemsInFeed"));
    assertEquals(1, second.getInt("newItems"));
    assertEquals(1, second.getInt("indexed"));
    assertEquals(1, site.requests("/id/" + tag + "-1.html").size());
    assertEquals(1, site.requests("/id/" + tag + "-3.html").size());
    assertEquals(3, search(source, "").getInt("total"));
    assertEquals(3, status(id).getInt("itemsSeen"));
  }

  @Test
  void anAtomItemDisallowedByRobotsTxtIsTakenFromTheFeedsOwnContent() {
    String tag = tag();
    String path = "/" + tag + "/atom.xml";
    site.serve(
        path,
        "application/atom+xml",
        FeedSamples.atom("World Desk", base() + "/en/", base() + "/private/", tag)
            .getBytes(StandardCharsets.UTF_8));
    servePage("/en/" + tag + "-1.html", FeedSamples.englishPage("Flood defences hold", tag));
    servePage("/private/" + tag + "-2.html", FeedSamples.englishPage("Must not be read", tag));
    String source = "atom-" + tag + ".example";
    long id = register(Map.of("url", base() + path, "source", source), 201).getLong("id");

    JsonPath r = poll(id);
    assertEquals(2, r.getInt("newItems"));
    assertEquals(2, r.getInt("indexed"));
    assertEquals(1, r.getInt("pageFallbacks"));
    assertTrue(site.requests("/private/" + tag + "-2.html").isEmpty(), "robots.txt obeyed");

    JsonPath ferry = search(source, "surabaya");
    assertEquals(1, ferry.getInt("total"));
    assertEquals("Ferry services resume in Surabaya " + tag, ferry.getString("items[0].title"));
    assertTrue(ferry.getString("items[0].body").contains("port authority"), ferry.prettify());
    assertEquals(base() + "/private/" + tag + "-2.html", ferry.getString("items[0].url"));
    assertEquals("2026-11-24T16:00:00Z", ferry.getString("items[0].published"));
    JsonPath flood = search(source, "barrier");
    assertEquals(1, flood.getInt("total"));
    assertEquals("Flood defences hold", flood.getString("items[0].title"));
  }

  @Test
  void aJsonFeedItemIsFollowedThroughRedirectsToAWindows1252Page() {
    String tag = tag();
    String path = "/" + tag + "/feed.json";
    site.serve(
        path,
        "application/feed+json",
        FeedSamples.json("Kabar JSON", base(), tag).getBytes(StandardCharsets.UTF_8));
    site.redirect("/go/" + tag + "-1", 302, "/r/" + tag + "-1");
    site.redirect("/r/" + tag + "-1", 301, base() + "/en/" + tag + "-cafe.html");
    site.serve(
        "/en/" + tag + "-cafe.html",
        "text/html; charset=windows-1252",
        FeedSamples.cp1252Page(tag).getBytes(Charset.forName("windows-1252")));
    servePage("/id/" + tag + "-3.html", FeedSamples.indonesianPage("Nelayan Lombok kembali", tag));
    // No source given: the feed's host names the source.
    JsonPath created = register(Map.of("url", base() + path), 201);
    assertEquals("127.0.0.1", created.getString("source"));
    JsonPath r = poll(created.getLong("id"));
    assertEquals(2, r.getInt("indexed"));
    assertEquals(0, r.getInt("pageFallbacks"));

    JsonPath cafe = search("127.0.0.1", "ubud " + tag);
    assertEquals(1, cafe.getInt("total"));
    String body = cafe.getString("items[0].body");
    assertTrue(body.contains("caf\u00e9 owners"), body);
    assertTrue(body.contains("\u201cquiet season\u201d"), body);
    assertTrue(body.contains("na\u00efve"), body);
  }

  @Test
  void registrationRefusesNonFeedsBadInputDuplicatesAndViewers() {
    String tag = tag();
    servePage("/" + tag + "/page.html", FeedSamples.englishPage("Just a page", tag));
    Api.asEditor()
        .contentType(ContentType.JSON)
        .body(Map.of("url", base() + "/" + tag + "/page.html"))
        .post("/api/feeds")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("not a feed"))
        .body("detail", containsString("text/html"));
    assertEquals(
        "url must be an absolute http or https URL.",
        register(Map.of("url", "ftp://files.example/feed.xml"), 400).getString("detail"));
    assertEquals("url is required.", register(Map.of("source", "x"), 400).getString("detail"));
    assertTrue(
        register(Map.of("url", base() + "/nothing/feed.xml"), 400)
            .getString("detail")
            .contains("HTTP 404"));
    String feedPath = "/" + tag + "/dup.xml";
    site.serve(feedPath, RSS, FeedSamples.rss("Dup", base(), tag).getBytes(StandardCharsets.UTF_8));
    Map<String, Object> body = new HashMap<>(Map.of("url", base() + feedPath, "pollMinutes", 0));
    assertTrue(register(body, 400).getString("detail").contains("pollMinutes"));
    body.put("pollMinutes", "often");
    assertEquals("pollMinutes must be a whole number.", register(body, 400).getString("detail"));
    body.remove("pollMinutes");
    long id = register(body, 201).getLong("id");
    assertTrue(register(body, 409).getString("detail").contains("already registered"));
    Api.asViewer()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/feeds")
        .then()
        .statusCode(403);
    Api.asViewer().post("/api/feeds/" + id + "/_poll").then().statusCode(403);
    Api.asViewer().delete("/api/feeds/" + id).then().statusCode(403);
    Api.asEditor().delete("/api/feeds/" + id).then().statusCode(204);
    Api.asViewer()
        .get("/api/feeds/" + id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("No feed"));
    Api.asEditor().post("/api/feeds/" + id + "/_poll").then().statusCode(404);
    given().get("/api/feeds").then().statusCode(401);
  }

  @Test
  void aFailingFeedCountsItsErrorsBacksOffAndRecovers() {
    String tag = tag();
    String path = "/" + tag + "/flaky.xml";
    AtomicBoolean broken = new AtomicBoolean(false);
    byte[] feed = FeedSamples.rss("Flaky", base(), tag).getBytes(StandardCharsets.UTF_8);
    site.handle(
        path,
        ex -> {
          if (broken.get()) {
            LocalSite.respond(ex, 500, "text/plain", "down".getBytes());
          } else {
            LocalSite.respond(ex, 200, RSS, feed);
          }
        });
    servePage("/id/" + tag + "-1.html", FeedSamples.indonesianPage("Satu", tag));
    servePage("/id/" + tag + "-2.html", FeedSamples.indonesianPage("Dua", tag));
    long id =
        register(
                Map.of(
                    "url", base() + path, "source", "flaky-" + tag + ".example", "pollMinutes", 10),
                201)
            .getLong("id");
    broken.set(true);
    for (int errors = 1; errors <= 2; errors++) {
      JsonPath r = poll(id);
      assertTrue(r.getString("error").contains("HTTP 500"), r.prettify());
      JsonPath s = status(id);
      assertEquals("failing", s.getString("status"));
      assertEquals(errors, s.getInt("errorCount"));
      assertEquals(errors, s.getInt("consecutiveErrors"));
      assertTrue(s.getString("lastError").contains("HTTP 500"));
      Duration wait =
          Duration.between(
              Instant.parse(s.getString("lastPolledAt")), Instant.parse(s.getString("nextPollAt")));
      assertEquals(Duration.ofMinutes(10L << (errors - 1)), wait, "backoff after " + errors);
    }
    broken.set(false);
    assertEquals(2, poll(id).getInt("indexed"));
    Api.asViewer()
        .get("/api/feeds/" + id)
        .then()
        .body("status", equalTo("ok"))
        .body("errorCount", equalTo(2))
        .body("consecutiveErrors", equalTo(0))
        .body("lastError", nullValue())
        .body("lastSuccessAt", notNullValue());
  }

  @Test
  void theSchedulerPollsFeedsThatAreDue() {
    String tag = tag();
    String path = "/" + tag + "/due.xml";
    site.serve(path, RSS, FeedSamples.rss("Due", base(), tag).getBytes(StandardCharsets.UTF_8));
    servePage("/id/" + tag + "-1.html", FeedSamples.indonesianPage("Satu", tag));
    servePage("/id/" + tag + "-2.html", FeedSamples.indonesianPage("Dua", tag));
    long id =
        register(Map.of("url", base() + path, "source", "due-" + tag + ".example"), 201)
            .getLong("id");
    assertTrue(feeds.pollDue() >= 1);
    JsonPath s = status(id);
    assertEquals("ok", s.getString("status"));
    assertEquals(2, s.getInt("itemsIngested"));
    assertEquals(2, site.requests(path).size(), "registration and the scheduled poll");
    feeds.pollDue();
    assertEquals(2, site.requests(path).size(), "not due again before its interval");
  }

  @Test
  void aFeedHostThatRebindsAfterTheCheckIsReadOnlyAtTheAddressTheGuardChecked() {
    Rebinding rebinding = new Rebinding();
    QuarkusMock.installMockForType(rebinding.guard(), OutboundGuard.class);
    Rebinding.Pair<LocalSite> sites = Rebinding.onOnePort(LocalSite::start);
    try (LocalSite internal = sites.internal();
        LocalSite checked = sites.checked()) {
      String tag = tag();
      String path = "/" + tag + "/rss.xml";
      String base = Rebinding.uri(sites.port(), "").toString();
      internal.serve(
          path,
          RSS,
          FeedSamples.rss("Internal secret", base, tag).getBytes(StandardCharsets.UTF_8));
      checked.serve(
          path, RSS, FeedSamples.rss("Berita Publik", base, tag).getBytes(StandardCharsets.UTF_8));
      JsonPath feed = register(Map.of("url", base + path), 201);
      Api.asEditor().delete("/api/feeds/" + feed.getLong("id")).then().statusCode(204);
      assertEquals(List.of(), paths(internal), "requests that reached the internal address");
      assertEquals("Berita Publik", feed.getString("title"));
      assertEquals(List.of("/robots.txt", path), paths(checked));
    }
  }

  private static List<String> paths(LocalSite s) {
    return s.requests().stream().map(LocalSite.Seen::path).toList();
  }

  private static double metric(String series) {
    String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
    for (String line : text.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }
}
