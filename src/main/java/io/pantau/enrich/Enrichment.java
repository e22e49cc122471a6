package io.pantau.enrich;

import io.pantau.article.Article;
import io.pantau.article.EnrichedArticle;
import io.pantau.article.Entities;
import io.pantau.article.EntitySentiment;
import io.pantau.article.Fingerprint;
import io.pantau.article.Sentiment;
import io.pantau.article.SentimentLabel;
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
  /** Languages the sentiment model was trained on; others fall back to the lexicon. */
  private static final java.util.Set<String> MODEL_LANGUAGES = java.util.Set.of("id", "en", "ms");

  /** The longest texts the model saw in training (reviews) run to about a hundred words. */
  private static final int MODEL_MAX_WORDS = 100;

  private static final double BODY_WEIGHT = 0.6;

  private final LanguageIdentifier languages;
  private final KeyphraseExtractor keyphrases;
  private final EntityExtractor entities;
  private final LexiconSentiment sentiment;
  private final SentimentModel model;
  private final Gazetteer gazetteer;

  private Enrichment(boolean withModel) {
    this.languages = new LanguageIdentifier(Vocabulary.standard().languages());
    this.gazetteer = new Gazetteer();
    this.keyphrases = new KeyphraseExtractor(gazetteer);
    this.entities = new EntityExtractor(gazetteer);
    this.sentiment = new LexiconSentiment();
    this.model = withModel ? SentimentModel.bundled() : null;
  }

  private static final class Standard {
    static final Enrichment INSTANCE = new Enrichment(true);
  }

  /**
   * The pipeline with lexicon-and-rules sentiment only, without the trained model: the fallback
   * that the evaluation harness measures next to the standard pipeline.
   */
  public static Enrichment lexiconSentiment() {
    return new Enrichment(false);
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
    Article.Builder out = cleaned.toBuilder().wordCount(text.bodyWords());
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
      out.languages(languages.mixture(text, lang));
    } catch (RuntimeException e) {
      out.languages(List.of());
    }
    EntityExtractor.Found found = null;
    try {
      found = entities.extract(text, lang);
      out.entities(withDateline(found.entities(), cleaned, lang));
    } catch (RuntimeException e) {
      out.entities(Entities.NONE);
    }
    try {
      LexiconSentiment.SentenceEvidence evidence = sentiment.sentences(text, lang);
      out.sentiment(tone(cleaned, text, lang, evidence.total()));
      out.entitySentiment(found == null ? List.of() : entityTone(text, found, evidence));
    } catch (RuntimeException e) {
      out.sentiment(Sentiment.NEUTRAL).entitySentiment(List.of());
    }
    Fingerprint fingerprint;
    try {
      fingerprint = MinHash.of(text);
    } catch (RuntimeException e) {
      fingerprint = Fingerprint.NONE;
    }
    return new EnrichedArticle(out.build(), fingerprint);
  }

  /**
   * The cleaner lifts the dateline ("Astana (ANTARA) -") out of the body, so its place is added
   * here: where a story was filed is a place the story is about.
   */
  private Entities withDateline(Entities found, Article a, Language lang) {
    String place = a.dateline() == null ? null : a.dateline().place();
    if (place == null || place.isBlank()) {
      return found;
    }
    String canonical = canonicalEntity(place.strip(), lang.code());
    if (found.places().stream().anyMatch(p -> p.equalsIgnoreCase(canonical))) {
      return found;
    }
    List<String> places = new java.util.ArrayList<>(found.places());
    places.add(canonical);
    return new Entities(found.persons(), found.organizations(), places);
  }

  /**
   * The model was trained and validated on headlines, sentences and short reviews, where it beats
   * the lexicon by a wide margin; on whole articles it has not been validated, so there the lexicon
   * reads the body and the model only the title.
   */
  private Sentiment tone(
      Article a, AnalyzedText text, Language lang, LexiconSentiment.Evidence evidence) {
    if (model == null || !MODEL_LANGUAGES.contains(lang.code())) {
      return LexiconSentiment.toSentiment(evidence);
    }
    if (text.size() <= MODEL_MAX_WORDS) {
      return model.analyze(text, evidence);
    }
    Sentiment body = LexiconSentiment.toSentiment(evidence);
    if (a.title() == null || a.title().isBlank()) {
      return body;
    }
    AnalyzedText titleText = AnalyzedText.of(a.title(), null);
    Sentiment title = model.analyze(titleText, sentiment.evidence(titleText, lang));
    double score = BODY_WEIGHT * body.score() + (1 - BODY_WEIGHT) * title.score();
    SentimentLabel label =
        score > LexiconSentiment.LABEL_THRESHOLD
            ? SentimentLabel.positive
            : score < -LexiconSentiment.LABEL_THRESHOLD
                ? SentimentLabel.negative
                : SentimentLabel.neutral;
    double agreement = body.label() == title.label() ? 1 : 0.75;
    double confidence =
        Math.min(
            1,
            (BODY_WEIGHT * body.confidence() + (1 - BODY_WEIGHT) * title.confidence()) * agreement);
    return new Sentiment(Math.max(-1, Math.min(1, score)), label, confidence);
  }

  /**
   * The tone towards each entity: the lexicon's reading of the sentences that mention it (each
   * sentence once, aliases included), in the order of {@link Entities}.
   */
  private static List<EntitySentiment> entityTone(
      AnalyzedText text, EntityExtractor.Found found, LexiconSentiment.SentenceEvidence evidence) {
    List<EntitySentiment> out = new ArrayList<>(found.mentions().size());
    for (EntityExtractor.Mentioned m : found.mentions()) {
      Sentiment s = LexiconSentiment.toSentiment(evidence.of(text, m.positions()));
      out.add(new EntitySentiment(m.name(), m.type(), s.score(), s.label(), m.positions().length));
    }
    return out;
  }

  /**
   * The canonical name under which enrichment stores a person, organisation or place, so that
   * queries and comparisons can use any known alias: "Perserikatan Bangsa-Bangsa" gives "PBB" for
   * Indonesian and "UN" for English. Unknown names come back unchanged.
   *
   * @param name a name as written
   * @param lang the article language code (may be null)
   */
  public String canonicalEntity(String name, String lang) {
    if (name == null || name.isBlank()) {
      return name;
    }
    Gazetteer.Entry e = gazetteer.lookup(name.strip());
    return e == null ? name.strip() : e.name(lang);
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
