package io.pantau.index;

import io.pantau.article.AiUse;
import io.pantau.article.Article;
import io.pantau.article.Credits;
import io.pantau.article.DatePrecision;
import io.pantau.article.Dateline;
import io.pantau.article.EnrichedArticle;
import io.pantau.article.Entities;
import io.pantau.article.EntitySentiment;
import io.pantau.article.Fingerprint;
import io.pantau.article.LanguageShare;
import io.pantau.article.Rights;
import io.pantau.article.Sentiment;
import io.pantau.query.QueryText;
import io.pantau.text.Fold;
import java.time.Instant;
import java.util.List;

/**
 * The stored form of an article: the public fields plus the folded search text and the fingerprint.
 * Field names match {@code articles-mapping.json}.
 */
record ArticleDocument(
    String id,
    String url,
    String canonicalUrl,
    String title,
    String lead,
    String body,
    String source,
    String publisher,
    Instant published,
    DatePrecision publishedPrecision,
    Instant fetched,
    Instant ingested,
    String lang,
    Dateline dateline,
    Credits credits,
    List<String> captions,
    Rights rights,
    List<String> keywords,
    List<String> keyphrases,
    Entities entities,
    Sentiment sentiment,
    List<EntitySentiment> entitySentiment,
    List<LanguageShare> languages,
    String storyId,
    String duplicateOf,
    int wordCount,
    SearchText search,
    Fingerprint fingerprint) {

  /**
   * The layout of {@link SearchText} that articles are indexed with now: 2 added the stems. An
   * article with an older (or no) version is brought up to date by {@link SearchTextMigration}.
   */
  static final int SEARCH_VERSION = 2;

  /**
   * Folded text for matching, and its stems in the article's language (null in the others);
   * excluded from {@code _source}.
   */
  record SearchText(String title, String body, Stems id, Stems en, int version) {
    /** The search text of an article in {@code lang}: surface words and, if any, stems. */
    static SearchText of(String lang, String title, String body) {
      String foldedTitle = title == null ? "" : Fold.fold(title);
      String foldedBody = body == null ? "" : Fold.fold(body);
      String stemmer = QueryText.stemmerFor(lang);
      Stems stems =
          stemmer == null
              ? null
              : new Stems(
                  QueryText.stemmedText(stemmer, foldedTitle),
                  QueryText.stemmedText(stemmer, foldedBody));
      return new SearchText(
          foldedTitle,
          foldedBody,
          "id".equals(stemmer) ? stems : null,
          "en".equals(stemmer) ? stems : null,
          SEARCH_VERSION);
    }
  }

  /** The stems of a title and a body, one per surface word, space-separated. */
  record Stems(String title, String body) {}

  static ArticleDocument of(EnrichedArticle e, String searchBody) {
    Article a = e.article();
    return new ArticleDocument(
        a.id(),
        a.url(),
        a.canonicalUrl(),
        a.title(),
        a.lead(),
        a.body(),
        a.source(),
        a.publisher(),
        a.published(),
        a.publishedPrecision(),
        a.fetched(),
        a.ingested(),
        a.lang(),
        a.dateline(),
        a.credits(),
        a.captions(),
        a.rights(),
        a.keywords(),
        a.keyphrases(),
        a.entities(),
        a.sentiment(),
        a.entitySentiment(),
        a.languages(),
        a.storyId(),
        a.duplicateOf(),
        a.wordCount(),
        SearchText.of(a.lang(), a.title(), searchBody),
        e.fingerprint());
  }

  Article toArticle() {
    return new Article(
        id,
        url,
        canonicalUrl,
        title,
        lead,
        body,
        source,
        publisher,
        published,
        publishedPrecision,
        fetched,
        ingested,
        lang,
        dateline,
        credits,
        captions,
        rights == null ? new Rights(null, null, AiUse.unknown) : rights,
        keywords,
        keyphrases,
        entities,
        sentiment,
        entitySentiment,
        languages,
        storyId,
        duplicateOf,
        wordCount);
  }
}
