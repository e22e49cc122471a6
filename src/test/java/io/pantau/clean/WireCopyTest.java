package io.pantau.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.article.Article;
import io.pantau.article.RawArticle;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The two raw wire-copy forms of issue 27: agency datelines and photo credit lines. */
class WireCopyTest {
  private static final Instant FETCHED = Instant.parse("2025-09-16T00:00:00Z");
  private final ArticleCleaner cleaner = new ArticleCleaner();

  private Article text(String s) {
    return cleaner.clean(RawArticle.ofText(s, null, null, FETCHED));
  }

  @Test
  void aDatelineOfCityAndAgencyNameIsReadAsPlaceAndAgency() {
    Article a =
        text(
            "Ferry fares frozen\n\nMANILA, Philippine News Agency - The transport department froze"
                + " ferry fares on Monday for the rest of the year, officials said.");
    assertEquals("Manila", a.dateline().place());
    assertEquals("Philippine News Agency", a.dateline().agency());
    assertTrue(a.body().startsWith("The transport department froze"), a.body());
  }

  @Test
  void aDatelineOfMixedCaseCityAndAgencyNameIsReadToo() {
    Article a =
        text(
            "Harga cabai turun\n\nMedan, Kantor Berita Sumatra - Harga cabai merah di pasar"
                + " tradisional kota itu turun tajam pada pekan ini, kata para pedagang.");
    assertEquals("Medan", a.dateline().place());
    assertEquals("Kantor Berita Sumatra", a.dateline().agency());
    assertTrue(a.body().startsWith("Harga cabai merah"), a.body());
  }

  @Test
  void aCityWithItsRegionStaysOnePlace() {
    Article a =
        text(
            "Power restored\n\nKYIV, Ukraine — Power was restored to most of the city on Sunday"
                + " after a night of repairs, the grid operator said.");
    assertEquals("Kyiv, Ukraine", a.dateline().place());
    assertEquals(null, a.dateline().agency());
  }

  @Test
  void aPhotoCreditLineUnderACaptionMakesACaptionAndACredit() {
    Article a =
        text(
            "Dermaga baru dibuka\n\nWarga mengantre di dermaga utara pada Senin pagi sebelum kapal"
                + " pertama berangkat.\nDETIKCOM/Budi Santoso\n\nSurabaya (ANTARA) - Pemerintah"
                + " kota membuka dermaga baru untuk kapal penumpang pada Senin, yang diharapkan"
                + " mengurangi antrean di pelabuhan lama.");
    assertFalse(a.body().contains("Budi Santoso"), a.body());
    assertFalse(a.body().contains("Warga mengantre"), a.body());
    assertEquals("Budi Santoso", a.credits().photographer());
    assertTrue(
        a.captions().stream().anyMatch(c -> c.startsWith("Warga mengantre")),
        a.captions().toString());
  }

  @Test
  void aPhotoCreditLineOnItsOwnIsACreditNotBody() {
    Article a =
        text(
            "Pier reopens\n\nThe city reopened the northern pier on Monday after a month of"
                + " repairs to its deck and railings.\n\nEPA-EFE/Jane Doe\n\nThe first ferry left"
                + " at six in the morning with more than a hundred passengers on board.");
    assertFalse(a.body().contains("Jane Doe"), a.body());
    assertEquals("Jane Doe", a.credits().photographer());
    assertTrue(a.body().contains("The first ferry left"), a.body());
  }
}
