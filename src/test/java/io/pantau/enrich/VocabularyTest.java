package io.pantau.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  private static final Vocabulary VOCABULARY = Vocabulary.standard();

  @Test
  void every_stopword_and_filler_word_of_every_language_carries_its_bits() {
    List<Language> languages = VOCABULARY.languages();
    int checked = 0;
    for (int k = 0; k < languages.size(); k++) {
      for (String w : languages.get(k).stopwords()) {
        // a fresh copy: the lookup must compare text, not identity
        long bits = VOCABULARY.of(new String(w.toCharArray()));
        assertTrue((bits & (1L << k)) != 0, w + " is a stopword of " + languages.get(k).code());
        checked++;
      }
      for (String w : languages.get(k).filler()) {
        long bits = VOCABULARY.of(new String(w.toCharArray()));
        assertTrue(
            (bits & (1L << (k + Vocabulary.MAX_LANGUAGES))) != 0,
            w + " is filler of " + languages.get(k).code());
        checked++;
      }
    }
    assertTrue(checked > 1000, "checked " + checked + " words");
  }

  @Test
  void other_bits_are_found_and_unknown_words_have_none() {
    assertTrue((VOCABULARY.of("presiden") & Vocabulary.ONE_WORD_TITLE) != 0);
    assertTrue((VOCABULARY.of("wakil") & Vocabulary.TITLE_START) != 0);
    assertTrue((VOCABULARY.of("bahwa") & Vocabulary.INDONESIAN_SPELLING) != 0);
    assertEquals(0, VOCABULARY.of("xqzvkeyboardmash"));
    assertEquals(0, VOCABULARY.of(""));
  }

  /**
   * Every token of every article is looked up here; if the keys' hashes bunched up, lookups would
   * walk long runs of slots (the JFR profile of ingest once pointed at exactly this).
   */
  @Test
  void the_keys_spread_so_that_no_lookup_compares_more_than_a_few() {
    int longest = VOCABULARY.longestProbe();
    assertTrue(longest <= 8, "longest probe " + longest);
  }
}
