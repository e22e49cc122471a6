package io.pantau.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RulesTest {
  private final Rules rules = Rules.standard();

  @Test
  void rulesAreLoadedOnce() {
    assertSame(rules, Rules.standard());
  }

  @Test
  void indonesianAndEnglishAreBothLoaded() {
    assertEquals(List.of("id", "en"), rules.languages.stream().map(Rules.Language::code).toList());
    assertTrue(rules.language("id").stopwords().contains("yang"));
    assertTrue(rules.language("en").stopwords().contains("the"));
    assertEquals("id", rules.language("xx").code(), "an unknown code falls back to the first");
  }

  @Test
  void everyMonthAndWeekdayHasNamesInTheVocabulary() {
    assertEquals(
        Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), new HashSet<>(rules.months.values()));
    assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7), new HashSet<>(rules.days.values()));
    assertEquals(6, rules.months.get("juni"));
    assertEquals(6, rules.months.get("june"));
  }

  @Test
  void everyRuleKindHasRules() {
    for (var list :
        List.of(
            rules.chrome,
            rules.datelines,
            rules.reporter,
            rules.editor,
            rules.photographer,
            rules.captions,
            rules.copyright,
            rules.aiProhibited,
            rules.fullDates,
            rules.dayMonths,
            rules.relativeAgo)) {
      assertFalse(list.isEmpty());
    }
  }

  @Test
  void agenciesAreNamedCanonically() {
    assertEquals("ANTARA", rules.agency("Antara News"));
    assertEquals("Kompas.com", rules.agency("KOMPAS.com"));
    assertEquals("Reuters", rules.agency("Reuters"));
    assertEquals("Some Agency", rules.agency("Some Agency"));
  }
}
