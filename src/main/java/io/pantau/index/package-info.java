/**
 * The article index in Elasticsearch: the connection (an external cluster or the embedded node),
 * the mapping and its idempotent bootstrap, the bulk writer, story assignment and search.
 *
 * <p>Only this package and {@code analytics} touch the Elasticsearch client. Its public face is
 * {@link io.pantau.index.ArticleIndex}; the mapping lives in {@code articles-mapping.json} beside
 * this package and is the one used by production code, tests and the Kibana checks. May import
 * {@code article}, {@code text}, {@code config} and {@code query}.
 */
package io.pantau.index;
