/**
 * Analytics over the article index: volume over time (with comparison series and shares), sentiment
 * over time, top keywords, sources, entities and languages, trending terms, and the materialised
 * daily trends that Kibana dashboards read.
 *
 * <p>This package owns the questions and their arithmetic: resolving the period ({@code Window}, a
 * default of 90 days), bounding buckets and sizes, the time zone of buckets, shares and the
 * trending score. It never talks to Elasticsearch itself: the counts come as plain records from
 * {@link io.pantau.index.ArticleAggregations}, and trend documents are stored through {@link
 * io.pantau.index.TrendStore}. Shares and trending scores are computed in Java from the counts
 * because the minimal Elasticsearch distribution has no scripts and no pipeline aggregations. Its
 * public faces are {@link io.pantau.analytics.Analytics} and {@link
 * io.pantau.analytics.TrendsRollup}; never {@code web}, {@code ingest}, {@code reports} or Panache.
 *
 * <p>May import: config, index, query.
 */
package io.pantau.analytics;
