package io.pantau.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.article.Article;
import io.pantau.article.Entities;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {
  private static Entities entities(String title, String body) {
    return Enrichment.standard()
        .enrich(Article.builder().title(title).body(body).build())
        .article()
        .entities();
  }

  @Test
  void titles_are_stripped_and_surnames_resolve_to_the_full_name() {
    Entities e =
        entities(
            "Albanese meets Widodo",
            "Prime Minister Anthony Albanese met President Joko Widodo in Jakarta on Monday."
                + " Albanese said the two countries would deepen trade ties. Widodo told reporters"
                + " that Indonesia welcomed the visit.");
    assertEquals("Anthony Albanese", e.persons().get(0), e.persons().toString());
    assertTrue(e.persons().contains("Joko Widodo"), e.persons().toString());
    assertFalse(e.persons().contains("Albanese"), e.persons().toString());
    assertTrue(
        e.places().containsAll(java.util.List.of("Jakarta", "Indonesia")), e.places().toString());
  }

  @Test
  void known_organisations_are_stored_under_their_name_in_the_article_language() {
    Entities id =
        entities(
            null,
            "Sekretaris Jenderal Perserikatan Bangsa-Bangsa menghadiri KTT ASEAN di Kuala Lumpur,"
                + " Malaysia, kata juru bicara Kementerian Luar Negeri kepada wartawan di Jakarta.");
    assertTrue(id.organizations().contains("PBB"), id.organizations().toString());
    assertTrue(id.organizations().contains("ASEAN"), id.organizations().toString());
    assertFalse(id.organizations().contains("KTT"), id.organizations().toString());
    assertTrue(id.places().contains("Kuala Lumpur"), id.places().toString());
    Entities en =
        entities(
            null,
            "The United Nations Secretary-General attended the ASEAN summit in Kuala Lumpur, the"
                + " ministry's spokesman told reporters in Jakarta on Tuesday.");
    assertTrue(en.organizations().contains("UN"), en.organizations().toString());
  }

  @Test
  void unknown_acronyms_are_organisations_and_head_words_classify_names() {
    Entities e =
        entities(
            null,
            "Ketua KPK Firli Bahuri mengatakan penyidik memeriksa pejabat PT Waskita Karya Tbk dan"
                + " Dinas Pekerjaan Umum Kota Bekasi, sementara Partai Golkar membantah.");
    assertTrue(e.organizations().contains("KPK"), e.organizations().toString());
    assertTrue(e.persons().contains("Firli Bahuri"), e.persons().toString());
    assertTrue(e.organizations().contains("PT Waskita Karya Tbk"), e.organizations().toString());
    assertTrue(e.organizations().contains("Golkar"), e.organizations().toString());
  }

  @Test
  void aliases_map_to_one_canonical_name_per_language() {
    Enrichment e = Enrichment.standard();
    assertEquals("PBB", e.canonicalEntity("Perserikatan Bangsa-Bangsa", "id"));
    assertEquals("UN", e.canonicalEntity("perserikatan bangsa-bangsa", "en"));
    assertEquals("Joko Widodo", e.canonicalEntity("Jokowi", "id"));
    assertEquals("Nama Tak Dikenal", e.canonicalEntity(" Nama Tak Dikenal ", "id"));
  }

  @Test
  void well_known_short_names_and_narrowed_places_are_recognised() {
    Entities e =
        entities(
            null,
            "Mantan presiden SBY bertemu Jokowi di Istana Merdeka, Jakarta Pusat, untuk membahas"
                + " koalisi.");
    assertTrue(
        e.persons().containsAll(java.util.List.of("Susilo Bambang Yudhoyono", "Joko Widodo")),
        e.persons().toString());
    assertTrue(e.places().contains("Jakarta Pusat"), e.places().toString());
    assertFalse(e.organizations().contains("SBY"), e.organizations().toString());
  }
}
