package io.pantau.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.article.Article;
import io.pantau.article.Sentiment;
import io.pantau.article.SentimentLabel;
import org.junit.jupiter.api.Test;

class SentimentTest {
  private static final LexiconSentiment LEXICON = new LexiconSentiment();

  private static Sentiment lexicon(String text, String lang) {
    Language l = Enrichment.standard().languages().byCode(lang);
    return LEXICON.analyze(AnalyzedText.of(null, text), l);
  }

  private static Sentiment standard(String text, String lang) {
    return Enrichment.standard()
        .enrich(Article.builder().body(text).lang(lang).build())
        .article()
        .sentiment();
  }

  @Test
  void the_bundled_model_is_present() {
    assertNotNull(SentimentModel.bundled());
  }

  @Test
  void negation_flips_and_but_shifts_the_lexicon_reading() {
    assertEquals(SentimentLabel.positive, lexicon("Kinerja perusahaan sangat baik", "id").label());
    assertTrue(lexicon("Kinerja perusahaan tidak baik", "id").score() < 0);
    assertTrue(
        lexicon("Produknya bagus, tetapi pelayanannya buruk", "id").score()
            < lexicon("Produknya bagus dan pelayanannya buruk", "id").score());
    assertTrue(
        lexicon("Meski pelayanannya buruk, produknya bagus", "id").score()
            > lexicon("Pelayanannya buruk dan produknya bagus", "id").score());
    assertTrue(lexicon("The results were not good", "en").score() < 0);
  }

  @Test
  void clear_headlines_get_their_tone() {
    assertEquals(
        SentimentLabel.positive,
        standard("Laba Bersih Bank Melonjak 30%, Saham Menguat ke Rekor Tertinggi", "id").label());
    assertEquals(
        SentimentLabel.negative,
        standard("Saham Anjlok, Investor Rugi Besar Usai Perusahaan Bangkrut", "id").label());
    assertEquals(
        SentimentLabel.negative,
        standard("Dozens killed as floods devastate villages and destroy homes", "en").label());
  }

  @Test
  void scores_and_confidences_stay_in_range() {
    for (String text : new String[] {"", "baik baik baik baik", "buruk ".repeat(200), "?"}) {
      Sentiment s = standard(text, "id");
      assertTrue(s.score() >= -1 && s.score() <= 1);
      assertTrue(s.confidence() >= 0 && s.confidence() <= 1);
    }
  }
}
