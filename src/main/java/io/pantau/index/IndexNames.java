package io.pantau.index;

/** The names of Pantau's indices, in one place. */
public final class IndexNames {
  /** The alias over all article indices; every read goes through it. */
  public static final String ARTICLES = "pantau-articles";

  /** The pattern that matches the time-partitioned article indices. */
  public static final String ARTICLES_PATTERN = ARTICLES + "-*";

  /** The index template that gives each partition its mapping, settings and alias. */
  public static final String ARTICLES_TEMPLATE = ARTICLES;

  /** The classpath resource holding the article mapping. */
  public static final String ARTICLES_MAPPING = "/io/pantau/index/articles-mapping.json";

  /** The classpath resource holding the article index settings. */
  public static final String ARTICLES_SETTINGS = "/io/pantau/index/articles-settings.json";

  /** The index of the materialised daily trends, which Kibana dashboards read. */
  public static final String TRENDS = "pantau-trends";

  /** The classpath resource holding the trends mapping. */
  public static final String TRENDS_MAPPING = "/io/pantau/index/trends-mapping.json";

  private IndexNames() {}
}
