package io.pantau.index;

/**
 * The stored article fields, each named once, as {@code articles-mapping.json} declares them. Sub
 * fields ({@code .lc}, the lower-cased keyword beside a keyword) are named where requests use them.
 */
public final class Fields {
  private Fields() {}

  public static final String ID = "id";
  public static final String URL = "url";
  public static final String CANONICAL_URL = "canonicalUrl";
  public static final String TITLE = "title";
  public static final String LEAD = "lead";
  public static final String BODY = "body";
  public static final String SOURCE = "source";

  /** {@link #SOURCE} lower-cased, for case-insensitive matching. */
  public static final String SOURCE_LC = SOURCE + ".lc";

  public static final String PUBLISHER = "publisher";
  public static final String PUBLISHER_LC = PUBLISHER + ".lc";
  public static final String PUBLISHED = "published";
  public static final String PUBLISHED_PRECISION = "publishedPrecision";
  public static final String FETCHED = "fetched";
  public static final String INGESTED = "ingested";
  public static final String LANG = "lang";
  public static final String DATELINE = "dateline";
  public static final String DATELINE_PLACE = DATELINE + ".place";
  public static final String DATELINE_PLACE_LC = DATELINE_PLACE + ".lc";
  public static final String DATELINE_AGENCY = DATELINE + ".agency";
  public static final String CREDITS = "credits";
  public static final String CREDITS_REPORTER = CREDITS + ".reporter";
  public static final String CREDITS_EDITOR = CREDITS + ".editor";
  public static final String CREDITS_PHOTOGRAPHER = CREDITS + ".photographer";
  public static final String CAPTIONS = "captions";
  public static final String RIGHTS = "rights";
  public static final String RIGHTS_HOLDER = RIGHTS + ".holder";
  public static final String RIGHTS_NOTICE = RIGHTS + ".notice";
  public static final String RIGHTS_AI_USE = RIGHTS + ".aiUse";
  public static final String KEYWORDS = "keywords";
  public static final String KEYWORDS_LC = KEYWORDS + ".lc";
  public static final String KEYPHRASES = "keyphrases";
  public static final String KEYPHRASES_LC = KEYPHRASES + ".lc";
  public static final String ENTITIES = "entities";
  public static final String ENTITIES_PERSONS = ENTITIES + ".persons";
  public static final String ENTITIES_PERSONS_LC = ENTITIES_PERSONS + ".lc";
  public static final String ENTITIES_ORGANIZATIONS = ENTITIES + ".organizations";
  public static final String ENTITIES_ORGANIZATIONS_LC = ENTITIES_ORGANIZATIONS + ".lc";
  public static final String ENTITIES_PLACES = ENTITIES + ".places";
  public static final String ENTITIES_PLACES_LC = ENTITIES_PLACES + ".lc";
  public static final String SENTIMENT = "sentiment";
  public static final String SENTIMENT_SCORE = SENTIMENT + ".score";
  public static final String SENTIMENT_LABEL = SENTIMENT + ".label";
  public static final String SENTIMENT_CONFIDENCE = SENTIMENT + ".confidence";
  public static final String ENTITY_SENTIMENT = "entitySentiment";
  public static final String ENTITY_SENTIMENT_NAME = ENTITY_SENTIMENT + ".name";
  public static final String ENTITY_SENTIMENT_TYPE = ENTITY_SENTIMENT + ".type";
  public static final String ENTITY_SENTIMENT_SCORE = ENTITY_SENTIMENT + ".score";
  public static final String ENTITY_SENTIMENT_LABEL = ENTITY_SENTIMENT + ".label";
  public static final String ENTITY_SENTIMENT_MENTIONS = ENTITY_SENTIMENT + ".mentions";
  public static final String LANGUAGES = "languages";
  public static final String LANGUAGES_LANG = LANGUAGES + ".lang";
  public static final String LANGUAGES_SHARE = LANGUAGES + ".share";
  public static final String STORY_ID = "storyId";
  public static final String DUPLICATE_OF = "duplicateOf";
  public static final String WORD_COUNT = "wordCount";
  public static final String SEARCH = "search";
  public static final String SEARCH_TITLE = SEARCH + ".title";
  public static final String SEARCH_BODY = SEARCH + ".body";

  /** The stems of an Indonesian (or Malay) article. */
  public static final String SEARCH_ID = SEARCH + ".id";

  /** The stems of an English article. */
  public static final String SEARCH_EN = SEARCH + ".en";

  /** The stems of the title of an Indonesian (or Malay) article, one per word, space-separated. */
  public static final String SEARCH_ID_TITLE = SEARCH + ".id.title";

  public static final String SEARCH_ID_BODY = SEARCH + ".id.body";

  /** The stems of the title of an English article. */
  public static final String SEARCH_EN_TITLE = SEARCH + ".en.title";

  public static final String SEARCH_EN_BODY = SEARCH + ".en.body";

  /**
   * Which layout of the search fields an article was indexed with ({@link
   * ArticleDocument#SEARCH_VERSION}); absent on articles indexed before stems existed.
   */
  public static final String SEARCH_VERSION = SEARCH + ".version";

  public static final String FINGERPRINT = "fingerprint";
  public static final String FINGERPRINT_MINHASH = FINGERPRINT + ".minhash";
  public static final String FINGERPRINT_BANDS = FINGERPRINT + ".bands";

  /** The stemmed field beside a surface search field: {@code search.id.title}. */
  public static String stemmed(String searchField, String stemmer) {
    return SEARCH + "." + stemmer + searchField.substring(SEARCH.length());
  }
}
