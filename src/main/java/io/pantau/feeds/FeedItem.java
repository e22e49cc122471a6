package io.pantau.feeds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One entry of a feed, whatever its format.
 *
 * @param link the article's address (absolute), if the item has one
 * @param guid the item's own identifier (RSS guid, Atom id, JSON Feed id), if any
 * @param title the item's title
 * @param published when the item was published (or updated, when that is all it says)
 * @param content the item's content or summary: HTML or plain text
 */
record FeedItem(String link, String guid, String title, Instant published, String content) {

  /** What identifies the item across polls: its link, else its GUID, else its title and text. */
  String key() {
    String basis =
        link != null ? "link:" + link : guid != null ? "guid:" + guid : "text:" + title + content;
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
