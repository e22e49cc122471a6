package io.pantau.index;

/**
 * One document of the {@code pantau-trends} index; field names match {@code trends-mapping.json},
 * which dashboards rely on.
 *
 * @param id {@code kind|term|yyyy-MM-dd}, also the document id, so a rerun overwrites
 * @param day the UTC start of the day
 * @param kind what the document counts (the analytics' trend kinds)
 * @param term the value counted; {@code *} for kind {@code all}
 * @param count articles of the day that carry the term
 * @param share {@code count} divided by all articles of the day
 * @param avgSentiment mean sentiment score of those articles; null when none has one
 * @param trendingScore the trending score of the day against the days before it
 */
public record TrendDocument(
    String id,
    String day,
    String kind,
    String term,
    long count,
    double share,
    Double avgSentiment,
    double trendingScore) {}
