package io.pantau.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom with Rome, and JSON Feed (1.0, 1.1) with Jackson, into one
 * shape. Relative links are resolved against the feed's own address. Pure: no I/O.
 */
final class FeedParser {
  private static final String JSON_FEED_VERSION = "https://jsonfeed.org/version/";

  private final ObjectMapper json;

  FeedParser(ObjectMapper json) {
    this.json = json;
  }

  /**
   * Parses a fetched document.
   *
   * @param body the bytes as fetched (decompressed)
   * @param contentType the Content-Type header, if any
   * @param base the address the document came from, for relative links
   * @throws NotAFeedException when it is none of the three formats
   */
  ParsedFeed parse(byte[] body, String contentType, URI base) throws NotAFeedException {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.contains("json") || firstCharacter(body) == '{') {
      return parseJson(body, base);
    }
    if (type.startsWith("text/html") && firstCharacter(body) != '<') {
      throw new NotAFeedException("the answer is " + describe(type));
    }
    return parseXml(body, type, base);
  }

  private ParsedFeed parseXml(byte[] body, String type, URI base) throws NotAFeedException {
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      // No DTDs: closes the door on XXE and entity expansion (the default, said out loud).
      input.setAllowDoctypes(false);
      feed = input.build(new XmlReader(new ByteArrayInputStream(body), true));
    } catch (FeedException | IllegalArgumentException | IOException e) {
      throw new NotAFeedException(
          "the answer is " + describe(type) + ", not an RSS, Atom or JSON feed");
    }
    String format =
        feed.getFeedType() != null && feed.getFeedType().startsWith("atom") ? "atom" : "rss";
    List<FeedItem> items = new ArrayList<>();
    for (SyndEntry e : feed.getEntries()) {
      items.add(
          new FeedItem(
              resolve(base, linkOf(e)),
              blankToNull(e.getUri()),
              blankToNull(e.getTitle()),
              toInstant(e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate()),
              contentOf(e)));
    }
    return new ParsedFeed(format, blankToNull(feed.getTitle()), items);
  }

  private ParsedFeed parseJson(byte[] body, URI base) throws NotAFeedException {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new NotAFeedException("the answer is not valid JSON");
    } catch (IOException e) {
      throw new NotAFeedException("the answer could not be read as JSON");
    }
    if (root == null
        || !root.isObject()
        || !root.path("version").asText("").startsWith(JSON_FEED_VERSION)) {
      throw new NotAFeedException(
          "the answer is JSON but not a JSON Feed (no jsonfeed.org version)");
    }
    List<FeedItem> items = new ArrayList<>();
    for (JsonNode item : root.path("items")) {
      String url = text(item, "url");
      if (url == null) {
        url = text(item, "external_url");
      }
      String content = text(item, "content_html");
      if (content == null) {
        content = text(item, "content_text");
      }
      if (content == null) {
        content = text(item, "summary");
      }
      String date = text(item, "date_published");
      if (date == null) {
        date = text(item, "date_modified");
      }
      items.add(
          new FeedItem(
              resolve(base, url), text(item, "id"), text(item, "title"), rfc3339(date), content));
    }
    return new ParsedFeed("json", text(root, "title"), items);
  }

  private static String linkOf(SyndEntry e) {
    if (blankToNull(e.getLink()) != null) {
      return e.getLink().trim();
    }
    for (SyndLink l : e.getLinks()) {
      if ((l.getRel() == null || l.getRel().equals("alternate"))
          && blankToNull(l.getHref()) != null) {
        return l.getHref().trim();
      }
    }
    // An RSS guid that is a permalink is the article's address.
    String uri = blankToNull(e.getUri());
    return uri != null && (uri.startsWith("http://") || uri.startsWith("https://")) ? uri : null;
  }

  private static String contentOf(SyndEntry e) {
    for (SyndContent c : e.getContents()) {
      if (blankToNull(c.getValue()) != null) {
        return c.getValue();
      }
    }
    return e.getDescription() == null ? null : blankToNull(e.getDescription().getValue());
  }

  private static String resolve(URI base, String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    try {
      URI u = base == null ? URI.create(link.trim()) : base.resolve(link.trim());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return scheme.equals("http") || scheme.equals("https") ? u.toString() : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Instant toInstant(Date d) {
    return d == null ? null : d.toInstant();
  }

  private static Instant rfc3339(String s) {
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s.trim()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isValueNode() ? null : blankToNull(v.asText());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static char firstCharacter(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1);
    for (int i = 0; i < head.length(); i++) {
      char c = head.charAt(i);
      // Skip white space and a UTF-8 byte-order mark read as Latin-1.
      if (!Character.isWhitespace(c) && c != '\u00EF' && c != '\u00BB' && c != '\u00BF') {
        return c;
      }
    }
    return 0;
  }

  private static String describe(String type) {
    String media = type.split(";", 2)[0].trim();
    return media.isEmpty() ? "a document without a content type" : "a " + media + " document";
  }
}
