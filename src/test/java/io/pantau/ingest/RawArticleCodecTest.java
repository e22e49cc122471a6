package io.pantau.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pantau.article.RawArticle;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RawArticleCodecTest {

  @Test
  void everyFieldSurvivesTheJournalIncludingNullsAndNonAscii() {
    RawArticle raw =
        new RawArticle(
            "https://example.id/a",
            "Banjir di Jakarta — ½",
            "Isi berita 🙂",
            null,
            "example.id",
            "kemarin",
            null,
            Instant.parse("2025-06-16T08:30:00.123456789Z"));
    assertEquals(raw, RawArticleCodec.decode(RawArticleCodec.encode(raw)));
    RawArticle empty = new RawArticle(null, null, null, "<p>x</p>", null, null, "id", null);
    assertEquals(empty, RawArticleCodec.decode(RawArticleCodec.encode(empty)));
  }

  @Test
  void aTruncatedRecordIsRefused() {
    byte[] b = RawArticleCodec.encode(RawArticle.ofText("text", "u", "s", Instant.EPOCH));
    assertThrows(
        IllegalArgumentException.class,
        () -> RawArticleCodec.decode(Arrays.copyOf(b, b.length - 3)));
  }
}
