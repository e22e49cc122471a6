/**
 * Analytics over the article index: volume over time (with comparison series and shares), sentiment
 * over time, top keywords, sources, entities and languages, trending terms, and the materialised
 * daily trends in the {@code pantau-trends} index that Kibana dashboards read.
 *
 * <p>Every endpoint is one aggregation-only Elasticsearch request ({@code size: 0}) built by {@code
 * Requests}; shares and trending scores are computed in Java from the aggregation counts because
 * the minimal Elasticsearch distribution has no scripts and no pipeline aggregations such as {@code
 * bucket_script}. Its public faces are {@link io.pantau.analytics.Analytics} and {@link
 * io.pantau.analytics.TrendsRollup}.
 *
 * <p>May import the Elasticsearch client, {@code index} (names, bootstrap, the query compiler),
 * {@code query}, {@code config} and {@code article}. Never {@code web}, {@code ingest} or Panache.
 */
package io.pantau.analytics;
