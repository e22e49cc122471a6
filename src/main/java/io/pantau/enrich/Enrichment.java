package io.pantau.enrich;

import io.pantau.article.Article;
import io.pantau.article.EnrichedArticle;
import io.pantau.article.Entities;
import io.pantau.article.Fingerprint;
import io.pantau.article.Sentiment;
import io.pantau.text.Words;
import java.util.ArrayList;
import java.util.List;

/**
 * The enrichment pipeline: language, keywords and keyphrases, entities, sentiment, word count and
 * the near-duplicate fingerprint. The text is tokenised once per article and shared by every step.
 *
 * <p>Immutable after construction, so one instance serves all threads; all word lists and tables
 * are read from the classpath when it is built, never while enriching.
 */
public final class Enrichment {
  private final LanguageIdentifier languages;
  private final KeyphraseExtractor keyphrases;
  private final EntityExtractor entities;
  private final LexiconSentiment sentiment;

  Enrichment() {
    List<Language> table = new ArrayList<>();
    for (String[] row : Resources.table("languages.tsv")) {
      table.add(Language.load(row));
    }
    this.languages = new LanguageIdentifier(table);
    Gazetteer gazetteer = new Gazetteer();
    this.keyphrases = new KeyphraseExtractor(gazetteer);
    this.entities = new EntityExtractor(gazetteer);
    this.sentiment = new LexiconSentiment();
  }

  private static final class Standard {
    static final Enrichment INSTANCE = new Enrichment();
  }

  /** The shared default pipeline, built on first use. */
  public static Enrichment standard() {
    return Standard.INSTANCE;
  }

  /**
   * Enriches a cleaned article. Never throws for odd text: unknown languages get language-neutral
   * processing and a step that fails leaves its fields as they were.
   *
   * @param cleaned the article as the cleaner produced it
   * @return the enriched article and the fingerprint of its body
   */
  public EnrichedArticle enrich(Article cleaned) {
    AnalyzedText text = AnalyzedText.of(cleaned.title(), cleaned.body());
    Article.Builder out = cleaned.toBuilder().wordCount(Words.count(cleaned.body()));
    Language lang = Language.NEUTRAL;
    try {
      lang = languages.identify(text, cleaned.lang());
      if (lang != Language.NEUTRAL) {
        out.lang(lang.code());
      }
    } catch (RuntimeException e) {
      lang = languages.byCode(cleaned.lang());
    }
    try {
      KeyphraseExtractor.Result r = keyphrases.extract(text, lang);
      out.keywords(r.keywords()).keyphrases(r.keyphrases());
    } catch (RuntimeException e) {
      out.keywords(List.of()).keyphrases(List.of());
    }
    try {
      out.entities(entities.extract(text, lang));
    } catch (RuntimeException e) {
      out.entities(Entities.NONE);
    }
    try {
      out.sentiment(sentiment.analyze(text, lang));
    } catch (RuntimeException e) {
      out.sentiment(Sentiment.NEUTRAL);
    }
    Fingerprint fingerprint;
    try {
      fingerprint = MinHash.of(text);
    } catch (RuntimeException e) {
      fingerprint = Fingerprint.NONE;
    }
    return new EnrichedArticle(out.build(), fingerprint);
  }

  /** The analysed text of an article; for the evaluation harness and tests in this package. */
  AnalyzedText analyze(String title, String body) {
    return AnalyzedText.of(title, body);
  }

  LanguageIdentifier languages() {
    return languages;
  }

  KeyphraseExtractor keyphrases() {
    return keyphrases;
  }

  EntityExtractor entities() {
    return entities;
  }

  LexiconSentiment sentiment() {
    return sentiment;
  }
}
