package io.pantau.outbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.testsupport.LocalSite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PageFetcherTest {
  private static final long LIMIT = 64 * 1024;
  private static final Charset CP1252 = Charset.forName("windows-1252");

  private final LocalSite site = LocalSite.start();
  private final MovableClock clock = new MovableClock();
  private final PageFetcher fetcher = fetcher(new OutboundGuard(true), Duration.ofSeconds(5));

  @AfterEach
  void stop() {
    site.close();
  }

  private PageFetcher fetcher(OutboundGuard guard, Duration timeout) {
    return new PageFetcher(
        guard,
        new PageFetcher.Settings(
            LIMIT, Duration.ofSeconds(2), timeout, "Pantau/test (unit tests)", Duration.ofHours(1)),
        clock);
  }

  private FetchResult get(String path) {
    return fetcher.fetch(site.uri(path), Validators.NONE, PageFetcher.ACCEPT_HTML);
  }

  @Test
  void aPageIsFetchedWithPantausUserAgentAndDecodedAsUtf8() {
    site.serve(
        "/id.html",
        "text/html; charset=utf-8",
        "<p>Warga menolak kenaikan harga BBM di Yogyakarta — kata Pak Budi.</p>"
            .getBytes(StandardCharsets.UTF_8));
    FetchResult r = get("/id.html");
    assertEquals(200, r.status());
    assertEquals("text/html", r.mediaType());
    assertTrue(r.text().contains("Yogyakarta — kata"), r.text());
    assertTrue(site.requests("/id.html").get(0).headers().get("user-agent").startsWith("Pantau/"));
    assertEquals("gzip", site.requests("/id.html").get(0).headers().get("accept-encoding"));
  }

  @Test
  void windows1252IsDecodedFromTheContentTypeOrFromTheMetaCharset() {
    String text = "Caf\u00e9 owners say the \u201cnew rules\u201d cost \u20ac40 a day.";
    site.serve(
        "/header.html",
        "text/html; charset=windows-1252",
        ("<p>" + text + "</p>").getBytes(CP1252));
    site.serve(
        "/meta.html",
        "text/html",
        ("<html><head><meta charset=\"windows-1252\"><title>x</title></head><body><p>"
                + text
                + "</p></body></html>")
            .getBytes(CP1252));
    site.serve(
        "/latin1.html", "text/html; charset=ISO-8859-1", ("<p>" + text + "</p>").getBytes(CP1252));
    site.serve("/undeclared.html", "text/html", ("<p>" + text + "</p>").getBytes(CP1252));
    for (String path : List.of("/header.html", "/meta.html", "/latin1.html", "/undeclared.html")) {
      assertTrue(get(path).text().contains(text), path + ": " + get(path).text());
    }
  }

  @Test
  void aRedirectChainIsFollowedAndEachHopIsChecked() {
    site.redirect("/r1", 301, "/r2");
    site.redirect("/r2", 302, site.uri("/r3").toString());
    site.redirect("/r3", 307, "final.html#top");
    site.serve("/final.html", "text/html", "<p>arrived</p>".getBytes(StandardCharsets.UTF_8));
    FetchResult r = get("/r1");
    assertEquals(site.uri("/final.html"), r.uri());
    assertEquals("<p>arrived</p>", r.text());
  }

  @Test
  void moreThanFiveRedirectsFail() {
    for (int i = 0; i < 7; i++) {
      site.redirect("/loop" + i, 302, "/loop" + (i + 1));
    }
    site.serve("/loop7", "text/html", "<p>too far</p>".getBytes(StandardCharsets.UTF_8));
    FetchException e = assertThrows(FetchException.class, () -> get("/loop0"));
    assertEquals(FetchException.Reason.redirects, e.reason());
    for (int i = 0; i <= 5; i++) {
      assertEquals(1, site.requests("/loop" + i).size(), "/loop" + i);
    }
    assertTrue(site.requests("/loop6").isEmpty(), "the sixth redirect is not followed");
  }

  @Test
  void aRedirectToARefusedAddressIsNotFollowed() {
    // Loopback is allowed for the test site itself; anything else counts as internal here.
    OutboundGuard onlyLoopback =
        new OutboundGuard(true) {
          @Override
          public List<java.net.InetAddress> check(URI uri) {
            if (!"127.0.0.1".equals(uri.getHost())) {
              throw new OutboundRefusedException(uri.getHost() + " is internal");
            }
            return super.check(uri);
          }
        };
    site.redirect("/to-metadata", 302, "http://169.254.169.254/latest/meta-data/");
    FetchException e =
        assertThrows(
            FetchException.class,
            () ->
                fetcher(onlyLoopback, Duration.ofSeconds(5))
                    .fetch(site.uri("/to-metadata"), Validators.NONE, PageFetcher.ACCEPT_HTML));
    assertEquals(FetchException.Reason.refused, e.reason());
    assertTrue(e.getMessage().contains("169.254.169.254"), e.getMessage());
  }

  @Test
  void internalAddressesAreRefusedBeforeAnyRequestWhenPrivateNetworksAreNotAllowed() {
    site.serve("/secret", "text/plain", "internal".getBytes(StandardCharsets.UTF_8));
    PageFetcher strict = fetcher(new OutboundGuard(false), Duration.ofSeconds(5));
    FetchException e =
        assertThrows(
            FetchException.class,
            () -> strict.fetch(site.uri("/secret"), Validators.NONE, PageFetcher.ACCEPT_HTML));
    assertEquals(FetchException.Reason.refused, e.reason());
    assertTrue(e.getMessage().contains("internal address"), e.getMessage());
    assertTrue(site.requests("/secret").isEmpty());
    assertTrue(site.requests("/robots.txt").isEmpty());
  }

  @Test
  void aHostThatRebindsAfterTheCheckIsReachedOnlyAtTheAddressTheGuardChecked() {
    Rebinding rebinding = new Rebinding();
    Rebinding.Pair<LocalSite> sites = Rebinding.onOnePort(LocalSite::start);
    try (LocalSite internal = sites.internal();
        LocalSite checked = sites.checked()) {
      for (LocalSite s : List.of(internal, checked)) {
        String who = s == internal ? "internal secret" : "public page";
        s.serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n".getBytes());
        s.redirect("/moved", 301, "/page.html");
        s.serve("/page.html", "text/html", ("<p>" + who + "</p>").getBytes());
      }
      FetchResult r =
          fetcher(rebinding.guard(), Duration.ofSeconds(5))
              .fetch(
                  Rebinding.uri(sites.port(), "/moved"), Validators.NONE, PageFetcher.ACCEPT_HTML);
      assertEquals(
          List.of(),
          internal.requests().stream().map(LocalSite.Seen::path).toList(),
          "requests that reached the internal address");
      assertEquals("<p>public page</p>", r.text());
      assertEquals(
          List.of("/robots.txt", "/moved", "/page.html"),
          checked.requests().stream().map(LocalSite.Seen::path).toList());
      for (LocalSite.Seen seen : checked.requests()) {
        assertEquals("localhost:" + sites.port(), seen.headers().get("host"), seen.path());
      }
      assertEquals(
          List.of("localhost", "localhost", "localhost"),
          rebinding.lookups(),
          "one lookup, by the guard, for each request");
    }
  }

  @Test
  void thePathAndQueryAreSentExactlyAsGiven() {
    List<String> targets = new java.util.concurrent.CopyOnWriteArrayList<>();
    site.handle(
        "/a/./b//c%2Fd",
        ex -> {
          targets.add(ex.getRequestURI().toString());
          LocalSite.respond(ex, 200, "text/html", "<p>ok</p>".getBytes());
        });
    assertEquals("<p>ok</p>", get("/a/./b//c%2Fd?q=caf%C3%A9+x&y=%20").text());
    assertEquals(List.of("/a/./b//c%2Fd?q=caf%C3%A9+x&y=%20"), targets);
  }

  @Test
  void anAnswerOverTheLimitFailsWhetherOrNotItDeclaresItsLength() {
    byte[] big = new byte[(int) LIMIT + 1];
    site.serve("/declared", "text/html", big);
    site.handle(
        "/streamed",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/html");
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            byte[] chunk = new byte[8192];
            for (int i = 0; i < 1000; i++) {
              out.write(chunk);
            }
          }
        });
    site.serve("/exact", "text/html", new byte[(int) LIMIT]);
    for (String path : List.of("/declared", "/streamed")) {
      FetchException e = assertThrows(FetchException.class, () -> get(path), path);
      assertEquals(FetchException.Reason.tooLarge, e.reason(), path);
      assertTrue(e.getMessage().contains("larger than " + LIMIT), e.getMessage());
    }
    assertEquals(LIMIT, get("/exact").body().length);
  }

  @Test
  void gzipIsDecompressedAndAGzipBombIsStoppedAtTheLimit() throws IOException {
    String page = "<p>Harga cabai di Pasar Beringharjo naik dua kali lipat.</p>";
    byte[] small = gzip(page.getBytes(StandardCharsets.UTF_8));
    byte[] bomb = gzip(new byte[50 * 1024 * 1024]);
    assertTrue(bomb.length < LIMIT, "the bomb itself is small: " + bomb.length);
    site.handle("/gz", ex -> gzipped(ex, small));
    site.handle("/bomb", ex -> gzipped(ex, bomb));
    assertEquals(page, get("/gz").text());
    FetchException e = assertThrows(FetchException.class, () -> get("/bomb"));
    assertEquals(FetchException.Reason.tooLarge, e.reason());
    assertTrue(e.getMessage().contains("decompresses to more than"), e.getMessage());
  }

  @Test
  void aConditionalGetSendsTheValidatorsAndReports304() {
    site.handle(
        "/feed.xml",
        ex -> {
          String inm = ex.getRequestHeaders().getFirst("If-None-Match");
          ex.getResponseHeaders().add("ETag", "\"v1\"");
          ex.getResponseHeaders().add("Last-Modified", "Fri, 27 Nov 2026 10:00:00 GMT");
          if ("\"v1\"".equals(inm)) {
            LocalSite.respond(ex, 304, null, new byte[0]);
          } else {
            LocalSite.respond(ex, 200, "application/rss+xml", "<rss/>".getBytes());
          }
        });
    FetchResult first =
        fetcher.fetch(site.uri("/feed.xml"), Validators.NONE, PageFetcher.ACCEPT_FEED);
    assertEquals(200, first.status());
    assertEquals(new Validators("\"v1\"", "Fri, 27 Nov 2026 10:00:00 GMT"), first.validators());
    FetchResult second =
        fetcher.fetch(site.uri("/feed.xml"), first.validators(), PageFetcher.ACCEPT_FEED);
    assertTrue(second.notModified());
    assertEquals(0, second.body().length);
    assertEquals(first.validators(), second.validators());
    LocalSite.Seen asked = site.requests("/feed.xml").get(1);
    assertEquals("\"v1\"", asked.headers().get("if-none-match"));
    assertEquals("Fri, 27 Nov 2026 10:00:00 GMT", asked.headers().get("if-modified-since"));
  }

  @Test
  void robotsTxtIsObeyedFetchedOncePerHostAndAgainAfterItsTtl() {
    site.serve(
        "/robots.txt",
        "text/plain",
        "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8));
    site.serve("/private/a.html", "text/html", "<p>no</p>".getBytes(StandardCharsets.UTF_8));
    site.serve("/public/a.html", "text/html", "<p>yes</p>".getBytes(StandardCharsets.UTF_8));
    FetchException e = assertThrows(FetchException.class, () -> get("/private/a.html"));
    assertEquals(FetchException.Reason.robots, e.reason());
    assertTrue(site.requests("/private/a.html").isEmpty());
    assertEquals("<p>yes</p>", get("/public/a.html").text());
    assertEquals("<p>yes</p>", get("/public/a.html").text());
    assertEquals(1, site.requests("/robots.txt").size());
    assertTrue(
        site.requests("/robots.txt").get(0).headers().get("user-agent").startsWith("Pantau/"));
    clock.advance(Duration.ofMinutes(61));
    get("/public/a.html");
    assertEquals(2, site.requests("/robots.txt").size());
  }

  @Test
  void aMissingRobotsTxtAllowsAndAFailingOneDisallows() {
    site.serve("/a.html", "text/html", "<p>ok</p>".getBytes(StandardCharsets.UTF_8));
    assertEquals("<p>ok</p>", get("/a.html").text());
    try (LocalSite broken = LocalSite.start()) {
      broken.handle("/robots.txt", ex -> LocalSite.respond(ex, 503, "text/plain", new byte[0]));
      broken.serve("/a.html", "text/html", "<p>ok</p>".getBytes(StandardCharsets.UTF_8));
      FetchException e =
          assertThrows(
              FetchException.class,
              () -> fetcher.fetch(broken.uri("/a.html"), Validators.NONE, PageFetcher.ACCEPT_HTML));
      assertEquals(FetchException.Reason.robots, e.reason());
    }
  }

  @Test
  void errorStatusesAndSlowAnswersFailClearly() {
    FetchException missing = assertThrows(FetchException.class, () -> get("/nothing"));
    assertEquals(FetchException.Reason.status, missing.reason());
    assertTrue(missing.getMessage().contains("HTTP 404"), missing.getMessage());
    site.handle(
        "/slow",
        ex -> {
          try {
            Thread.sleep(3000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          LocalSite.respond(ex, 200, "text/html", "<p>late</p>".getBytes());
        });
    long start = System.nanoTime();
    FetchException slow =
        assertThrows(
            FetchException.class,
            () ->
                fetcher(new OutboundGuard(true), Duration.ofMillis(700))
                    .fetch(site.uri("/slow"), Validators.NONE, PageFetcher.ACCEPT_HTML));
    assertEquals(FetchException.Reason.network, slow.reason());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2500, "gave up in time");
  }

  @Test
  void utf8WithoutADeclarationAndByteOrderMarksAreRecognised() {
    byte[] utf8 = "naïve café".getBytes(StandardCharsets.UTF_8);
    assertEquals("naïve café", result(utf8, null).text());
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);
    assertEquals("naïve café", result(bom, "text/html; charset=windows-1252").text());
    assertArrayEquals(
        new byte[0], new FetchResult(null, 304, null, new byte[0], Validators.NONE).body());
    assertEquals("naïve café", result(utf8, "text/html; charset=bogus-charset").text());
    assertEquals("text/html", result(utf8, "Text/HTML; charset=utf-8").mediaType());
  }

  private static FetchResult result(byte[] body, String contentType) {
    return new FetchResult(null, 200, contentType, body, Validators.NONE);
  }

  private static void gzipped(com.sun.net.httpserver.HttpExchange ex, byte[] body)
      throws IOException {
    ex.getResponseHeaders().add("Content-Encoding", "gzip");
    LocalSite.respond(ex, 200, "text/html; charset=utf-8", body);
  }

  private static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    }
    return out.toByteArray();
  }

  /** A clock the test moves by hand, to expire the robots.txt cache. */
  static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-11-27T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
