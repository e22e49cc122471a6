package io.pantau.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.article.Article;
import io.pantau.article.EntitySentiment;
import io.pantau.article.SentimentLabel;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntitySentimentTest {
  private static final Enrichment ENRICHMENT = Enrichment.standard();

  private static Article enrich(String title, String body) {
    return ENRICHMENT.enrich(Article.builder().title(title).body(body).build()).article();
  }

  private static EntitySentiment find(Article a, String name) {
    for (EntitySentiment e : a.entitySentiment()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw new AssertionError(name + " not in " + a.entitySentiment());
  }

  @Test
  void one_person_praised_and_another_criticised_get_opposite_tones() {
    Article a =
        enrich(
            "Dua pejabat dinilai berbeda",
            "Gubernur Budi Santoso dipuji karena berhasil menurunkan inflasi dan"
                + " meningkatkan pertumbuhan ekonomi yang sangat baik.\n\n"
                + "Sementara itu Bupati Andi Wijaya dikritik keras karena gagal"
                + " mengatasi krisis, korupsi impor dan kenaikan harga yang merugikan rakyat.\n\n"
                + "Budi mengatakan keberhasilan itu hasil kerja keras yang luar biasa.");
    EntitySentiment budi = find(a, "Budi Santoso");
    EntitySentiment andi = find(a, "Andi Wijaya");
    assertEquals("person", budi.type());
    assertEquals(SentimentLabel.positive, budi.label(), budi.toString());
    assertEquals(SentimentLabel.negative, andi.label(), andi.toString());
    assertTrue(budi.score() > andi.score());
    // "Budi" alone resolves to the full name: two mentions
    assertEquals(2, budi.mentions(), budi.toString());
    assertEquals(1, andi.mentions(), andi.toString());
  }

  @Test
  void english_organisations_praised_and_criticised() {
    Article a =
        enrich(
            null,
            "The United Nations praised the excellent and successful relief effort in the"
                + " region.\n\nMeanwhile NATO was criticised for a failed, disastrous plan that"
                + " caused a terrible crisis.\n\nThe statement was released on Monday in New York.");
    EntitySentiment un = find(a, "UN");
    EntitySentiment nato = find(a, "NATO");
    assertEquals("organization", un.type());
    assertEquals(SentimentLabel.positive, un.label(), un.toString());
    assertEquals(SentimentLabel.negative, nato.label(), nato.toString());
  }

  @Test
  void every_entity_of_the_seed_has_a_tone_and_its_mentions() throws IOException {
    Article a = ENRICHMENT.enrich(Seeds.seedArticle()).article();
    List<EntitySentiment> tones = a.entitySentiment();
    assertTrue(tones.size() >= 8, tones.toString());
    EntitySentiment xi = find(a, "Xi Jinping");
    assertEquals("person", xi.type());
    assertTrue(xi.mentions() >= 2, xi.toString());
    assertNotNull(find(a, "Kazakhstan"));
    assertEquals("place", find(a, "Astana").type());
    for (String person : a.entities().persons()) {
      assertEquals("person", find(a, person).type());
    }
    for (String org : a.entities().organizations()) {
      assertEquals("organization", find(a, org).type());
    }
    // the seed reports cooperation and goodwill: its main actor is not read as criticised
    assertTrue(xi.label() != SentimentLabel.negative, xi.toString());
  }

  @Test
  void a_body_in_one_language_lists_no_languages() throws IOException {
    assertTrue(ENRICHMENT.enrich(Seeds.seedArticle()).article().languages().isEmpty());
  }

  @Test
  void a_mixed_indonesian_and_english_body_lists_both_by_share_of_words() {
    String id =
        "Pemerintah Indonesia menyatakan bahwa program bantuan sosial akan dilanjutkan pada tahun"
            + " depan karena masyarakat masih membutuhkan dukungan yang cukup besar dari negara.";
    String en =
        "The government of Indonesia said that the social assistance programme will continue"
            + " next year because people still need a great deal of support from the state.";
    Article a = enrich("Bantuan sosial berlanjut", String.join("\n\n", id, id, en));
    assertEquals("id", a.lang());
    assertEquals(2, a.languages().size(), a.languages().toString());
    assertEquals("id", a.languages().get(0).lang());
    assertEquals("en", a.languages().get(1).lang());
    double sum = a.languages().get(0).share() + a.languages().get(1).share();
    assertEquals(1.0, sum, 0.01);
    assertTrue(a.languages().get(1).share() > 0.25 && a.languages().get(1).share() < 0.4);
  }
}
