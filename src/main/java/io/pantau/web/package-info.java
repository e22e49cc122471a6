/**
 * The REST API and the web UI: thin JAX-RS resources that parse requests, call a feature's public
 * face and shape the answer; one exception mapper that turns every failure into {@code
 * application/problem+json}. The web UI itself is static: ES modules and CSS under {@code
 * META-INF/resources} (served at {@code /}) that call the same API with the user's key, with Apache
 * ECharts from the {@code org.mvnpm:echarts} jar.
 *
 * <p>No Elasticsearch request building and no persistence here. Nothing imports this package.
 */
package io.pantau.web;
