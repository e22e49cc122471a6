package io.pantau.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pantau.article.Article;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
  private static String lang(String body, String declared) {
    return Enrichment.standard()
        .enrich(Article.builder().body(body).lang(declared).build())
        .article()
        .lang();
  }

  @Test
  void english_and_indonesian_news_are_told_apart() {
    assertEquals(
        "en",
        lang(
            "The central bank kept its benchmark rate unchanged on Thursday, saying that inflation"
                + " was within the target range and that the economy was growing at a steady pace.",
            null));
    assertEquals(
        "id",
        lang(
            "Bank sentral mempertahankan suku bunga acuan pada Kamis, dengan alasan bahwa inflasi"
                + " masih berada dalam kisaran sasaran dan ekonomi tumbuh dengan laju yang stabil.",
            null));
  }

  @Test
  void indonesian_news_is_not_taken_for_malay() {
    assertEquals(
        "id",
        lang(
            "Kuala Lumpur (ANTARA) - Perdana Menteri Malaysia mengatakan pemerintahnya akan"
                + " memperkuat kerja sama perdagangan dengan Indonesia setelah pertemuan di Putrajaya.",
            null));
  }

  @Test
  void malay_spelling_is_recognised_as_malay() {
    assertEquals(
        "ms",
        lang(
            "Kerajaan berkata bahawa kakitangan awam akan menerima bayaran tambahan selepas"
                + " mesyuarat kabinet kerana ekonomi negara semakin pulih, iaitu lebih baik daripada"
                + " jangkaan sebelum ini.",
            null));
  }

  @Test
  void a_declared_language_is_corrected_when_the_text_clearly_disagrees() {
    assertEquals(
        "en",
        lang(
            "The government said on Monday that it would raise fuel prices next month because the"
                + " subsidy bill has grown far beyond what the budget allows this year.",
            "id"));
  }
}
