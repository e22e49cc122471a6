package io.pantau.article;

import java.time.Instant;
import java.util.List;

/**
 * A cleaned and (as the pipeline goes on) enriched article: the public shape of {@code GET
 * /api/articles/{id}}.
 *
 * <p>Immutable; stages derive new values with {@link #toBuilder()}.
 */
public record Article(
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
    int wordCount) {

  public Article {
    dateline = dateline == null ? Dateline.NONE : dateline;
    credits = credits == null ? Credits.NONE : credits;
    captions = captions == null ? List.of() : List.copyOf(captions);
    rights = rights == null ? Rights.UNKNOWN : rights;
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    keyphrases = keyphrases == null ? List.of() : List.copyOf(keyphrases);
    entities = entities == null ? Entities.NONE : entities;
    entitySentiment = entitySentiment == null ? List.of() : List.copyOf(entitySentiment);
    languages = languages == null ? List.of() : List.copyOf(languages);
    if (wordCount < 0) {
      throw new IllegalArgumentException("wordCount < 0");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Paragraphs of the body, in order; the body keeps them apart with blank lines. */
  public List<String> paragraphs() {
    if (body == null || body.isBlank()) {
      return List.of();
    }
    return List.of(body.split("\n\n"));
  }

  /** Builds and derives {@link Article} values. */
  public static final class Builder {
    private String id;
    private String url;
    private String canonicalUrl;
    private String title;
    private String lead;
    private String body;
    private String source;
    private String publisher;
    private Instant published;
    private DatePrecision publishedPrecision;
    private Instant fetched;
    private Instant ingested;
    private String lang;
    private Dateline dateline;
    private Credits credits;
    private List<String> captions;
    private Rights rights;
    private List<String> keywords;
    private List<String> keyphrases;
    private Entities entities;
    private Sentiment sentiment;
    private List<EntitySentiment> entitySentiment;
    private List<LanguageShare> languages;
    private String storyId;
    private String duplicateOf;
    private int wordCount;

    private Builder() {}

    private Builder(Article a) {
      id = a.id;
      url = a.url;
      canonicalUrl = a.canonicalUrl;
      title = a.title;
      lead = a.lead;
      body = a.body;
      source = a.source;
      publisher = a.publisher;
      published = a.published;
      publishedPrecision = a.publishedPrecision;
      fetched = a.fetched;
      ingested = a.ingested;
      lang = a.lang;
      dateline = a.dateline;
      credits = a.credits;
      captions = a.captions;
      rights = a.rights;
      keywords = a.keywords;
      keyphrases = a.keyphrases;
      entities = a.entities;
      sentiment = a.sentiment;
      entitySentiment = a.entitySentiment;
      languages = a.languages;
      storyId = a.storyId;
      duplicateOf = a.duplicateOf;
      wordCount = a.wordCount;
    }

    public Builder id(String v) {
      id = v;
      return this;
    }

    public Builder url(String v) {
      url = v;
      return this;
    }

    public Builder canonicalUrl(String v) {
      canonicalUrl = v;
      return this;
    }

    public Builder title(String v) {
      title = v;
      return this;
    }

    public Builder lead(String v) {
      lead = v;
      return this;
    }

    public Builder body(String v) {
      body = v;
      return this;
    }

    public Builder source(String v) {
      source = v;
      return this;
    }

    public Builder publisher(String v) {
      publisher = v;
      return this;
    }

    public Builder published(Instant v) {
      published = v;
      return this;
    }

    public Builder publishedPrecision(DatePrecision v) {
      publishedPrecision = v;
      return this;
    }

    public Builder fetched(Instant v) {
      fetched = v;
      return this;
    }

    public Builder ingested(Instant v) {
      ingested = v;
      return this;
    }

    public Builder lang(String v) {
      lang = v;
      return this;
    }

    public Builder dateline(Dateline v) {
      dateline = v;
      return this;
    }

    public Builder credits(Credits v) {
      credits = v;
      return this;
    }

    public Builder captions(List<String> v) {
      captions = v;
      return this;
    }

    public Builder rights(Rights v) {
      rights = v;
      return this;
    }

    public Builder keywords(List<String> v) {
      keywords = v;
      return this;
    }

    public Builder keyphrases(List<String> v) {
      keyphrases = v;
      return this;
    }

    public Builder entities(Entities v) {
      entities = v;
      return this;
    }

    public Builder sentiment(Sentiment v) {
      sentiment = v;
      return this;
    }

    /** Per-entity tone: the sentences that mention each extracted entity. */
    public Builder entitySentiment(List<EntitySentiment> v) {
      entitySentiment = v;
      return this;
    }

    /** The languages of a body written in several; empty when it has one. */
    public Builder languages(List<LanguageShare> v) {
      languages = v;
      return this;
    }

    public Builder storyId(String v) {
      storyId = v;
      return this;
    }

    public Builder duplicateOf(String v) {
      duplicateOf = v;
      return this;
    }

    public Builder wordCount(int v) {
      wordCount = v;
      return this;
    }

    public Article build() {
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
          rights,
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
}
