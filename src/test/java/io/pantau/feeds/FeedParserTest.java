package io.pantau.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedParserTest {
  private static final URI BASE = URI.create("https://berita.example/feeds/main.xml");
  private final FeedParser parser = new FeedParser(new ObjectMapper());

  private ParsedFeed parse(String body, String type) throws NotAFeedException {
    return parser.parse(body.getBytes(StandardCharsets.UTF_8), type, BASE);
  }

  @Test
  void rss2ItemsCarryLinkGuidTitleDateAndDescription() throws Exception {
    ParsedFeed f =
        parse(
            FeedSamples.rss("Berita Pagi", "https://berita.example", "t1"),
            "application/rss+xml; charset=utf-8");
    assertEquals("rss", f.format());
    assertEquals("Berita Pagi", f.title());
    assertEquals(2, f.items().size());
    FeedItem first = f.items().get(0);
    assertEquals("https://berita.example/id/t1-1.html", first.link());
    assertEquals("t1-guid-1", first.guid());
    assertEquals("Petani Garut panen raya t1", first.title());
    assertEquals(Instant.parse("2026-11-26T07:30:00Z"), first.published());
    assertTrue(first.content().contains("Petani di Garut"), first.content());
  }

  @Test
  void atomEntriesResolveRelativeLinksAgainstTheFeedAddress() throws Exception {
    ParsedFeed f =
        parse(FeedSamples.atom("World Desk", "/en/", "/en/", "t2"), "application/atom+xml");
    assertEquals("atom", f.format());
    assertEquals("World Desk", f.title());
    assertEquals("https://berita.example/en/t2-1.html", f.items().get(0).link());
    assertEquals("urn:uuid:t2-1", f.items().get(0).guid());
    assertEquals(Instant.parse("2026-11-25T09:00:00Z"), f.items().get(0).published());
    assertTrue(f.items().get(1).content().contains("harbour"), f.items().get(1).content());
  }

  @Test
  void jsonFeedItemsAreReadWithJackson() throws Exception {
    ParsedFeed f = parse(FeedSamples.json("Kabar JSON", "https://berita.example", "t3"), null);
    assertEquals("json", f.format());
    assertEquals("Kabar JSON", f.title());
    assertEquals(2, f.items().size());
    assertEquals("https://berita.example/go/t3-1", f.items().get(0).link());
    assertEquals(Instant.parse("2026-11-24T03:15:00Z"), f.items().get(0).published());
    assertTrue(f.items().get(1).content().contains("nelayan"), f.items().get(1).content());
  }

  @Test
  void anItemIsKnownByItsLinkElseByItsGuid() {
    FeedItem a = new FeedItem("https://x.example/a", "g1", "A", null, "text");
    FeedItem sameLink = new FeedItem("https://x.example/a", "g2", "A again", null, "other");
    FeedItem noLink = new FeedItem(null, "g1", "A", null, "text");
    assertEquals(a.key(), sameLink.key());
    assertNotEquals(a.key(), noLink.key());
    assertEquals(64, a.key().length());
  }

  @Test
  void htmlPagesPlainJsonAndDoctypesAreNotFeeds() {
    NotAFeedException html =
        assertThrows(
            NotAFeedException.class,
            () -> parse("<!DOCTYPE html><html><body><p>Hello</p></body></html>", "text/html"));
    assertTrue(html.getMessage().contains("text/html"), html.getMessage());
    NotAFeedException json =
        assertThrows(NotAFeedException.class, () -> parse("{\"items\": []}", "application/json"));
    assertTrue(json.getMessage().contains("JSON Feed"), json.getMessage());
    // An external entity must never be resolved: documents with a DTD are refused outright.
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>";
    assertThrows(NotAFeedException.class, () -> parse(xxe, "application/rss+xml"));
    assertThrows(NotAFeedException.class, () -> parse("just words", "text/plain"));
  }

  @Test
  void itemsWithoutUsableLinksKeepTheirContent() throws Exception {
    String body =
        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":["
            + "{\"id\":\"1\",\"url\":\"javascript:alert(1)\",\"content_text\":\"Teks saja.\"}]}";
    FeedItem item = parse(body, "application/feed+json").items().get(0);
    assertNull(item.link());
    assertEquals("Teks saja.", item.content());
  }
}
