/**
 * The REST API and the web UI: thin JAX-RS resources that parse requests, call a feature's public
 * face and shape the answer; one exception mapper that turns every failure into {@code
 * application/problem+json}. The web UI itself is static: ES modules and CSS under {@code
 * META-INF/resources} (served at {@code /}) that call the same API with the user's key, with Apache
 * ECharts from the {@code org.mvnpm:echarts} jar.
 *
 * <p>A resource (a class annotated with {@code @Path}) never calls another one. What several of
 * them share lives in plain classes: {@code Params} parses query parameters and bodies (whole
 * numbers, instants and dates within the years 1 to 9999, time zones, source and language lists,
 * durations, the analytics filter, bodies read up to a bound) and {@code Answers} turns a feature's
 * refusal ({@code IllegalArgumentException}) into a 400. Articles have three resources: {@code
 * ArticleResource} (one article or an array in, one out, enrich), {@code BulkResource} (NDJSON
 * streamed in) and {@code SearchResource}.
 *
 * <p>No Elasticsearch request building and no persistence here. Nothing imports this package.
 *
 * <p>May import: alerts, analytics, article, feeds, index, ingest, query, reports, security.
 */
package io.pantau.web;
