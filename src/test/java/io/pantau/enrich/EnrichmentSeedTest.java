package io.pantau.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.article.Article;
import io.pantau.article.EnrichedArticle;
import io.pantau.article.SentimentLabel;
import io.pantau.testsupport.SharedData;
import io.pantau.text.Fold;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichmentSeedTest {
  private static Article enriched;

  @BeforeAll
  static void enrichSeed() throws IOException {
    // An assumption failing here would abort the class, and Maven would show "Tests run: 0"
    // instead of each test skipped with the reason; seedIsThere does that per test.
    if (SharedData.present(Seeds.SEED)) {
      EnrichedArticle e = Enrichment.standard().enrich(Seeds.seedArticle());
      enriched = e.article();
    }
  }

  @BeforeEach
  void seedIsThere() {
    SharedData.require(Seeds.SEED);
  }

  private static Set<String> folded(List<String> values) {
    return values.stream().map(Fold::fold).collect(Collectors.toSet());
  }

  @Test
  void the_seed_is_identified_as_indonesian() {
    assertEquals("id", enriched.lang());
  }

  @Test
  void the_seed_keyphrases_name_its_topics() {
    Set<String> k = folded(enriched.keyphrases());
    for (String expected : List.of("kazakhstan", "china", "asia tengah", "sabuk dan jalur sutra")) {
      assertTrue(k.contains(expected), expected + " missing from " + enriched.keyphrases());
    }
    assertTrue(
        k.contains("kerja sama") || k.contains("kerja sama bilateral"),
        enriched.keyphrases().toString());
    assertTrue(enriched.keyphrases().size() >= 10 && enriched.keyphrases().size() <= 15);
  }

  @Test
  void a_surname_in_the_keyphrases_gives_way_to_the_full_name() {
    assertTrue(
        enriched.keyphrases().contains("Kassym-Jomart Tokayev"), enriched.keyphrases().toString());
    assertFalse(enriched.keyphrases().contains("Tokayev"), enriched.keyphrases().toString());
  }

  @Test
  void the_seed_top_ten_has_no_stopword_number_or_boilerplate() {
    Language id = Enrichment.standard().languages().byCode("id");
    Set<String> boilerplate = Set.of("pewarta", "editor", "copyright", "antara", "read", "baca");
    for (String phrase : enriched.keyphrases().subList(0, 10)) {
      String f = Fold.fold(phrase);
      assertFalse(id.isStopword(f), phrase);
      assertFalse(id.isFiller(f), phrase);
      assertFalse(boilerplate.contains(f), phrase);
      assertFalse(f.chars().anyMatch(Character::isDigit), phrase);
    }
  }

  @Test
  void the_seed_keywords_are_single_folded_terms() {
    assertFalse(enriched.keywords().isEmpty());
    for (String k : enriched.keywords()) {
      assertEquals(Fold.fold(k), k);
      assertFalse(k.contains(" "), k);
    }
    assertTrue(enriched.keywords().containsAll(List.of("china", "kazakhstan")));
  }

  @Test
  void the_seed_persons_are_canonical_names_without_titles() {
    List<String> persons = enriched.entities().persons();
    assertTrue(persons.contains("Xi Jinping"), persons.toString());
    assertTrue(persons.contains("Kassym-Jomart Tokayev"), persons.toString());
    for (String p : persons) {
      assertFalse(p.startsWith("Presiden"), p);
      assertFalse(p.equals("Xi") || p.equals("Tokayev"), "short form kept: " + p);
    }
  }

  @Test
  void the_seed_organizations_and_places_are_found() {
    List<String> orgs = enriched.entities().organizations();
    assertTrue(
        orgs.contains("SCO") || orgs.contains("Organisasi Kerja Sama Shanghai"), orgs.toString());
    assertTrue(orgs.containsAll(List.of("PBB", "BRICS")), orgs.toString());
    assertFalse(orgs.contains("KTT"), orgs.toString());
    assertTrue(
        enriched
            .entities()
            .places()
            .containsAll(List.of("Astana", "Kazakhstan", "China", "Tianjin")),
        enriched.entities().places().toString());
  }

  @Test
  void the_seed_reads_as_positive() {
    assertEquals(SentimentLabel.positive, enriched.sentiment().label());
    assertTrue(enriched.sentiment().score() > 0);
  }

  @Test
  void the_word_count_is_filled() {
    assertTrue(enriched.wordCount() > 500, "wordCount " + enriched.wordCount());
  }
}
