/**
 * The article index in Elasticsearch, and the one gateway to it: the connection (an external
 * cluster, reached as {@code config.ClusterSettings} say and checked at start by {@code
 * ClusterProbe}, or the embedded node), the mappings and their idempotent bootstraps, the bulk
 * writer, story assignment, search, and the aggregations the analytics read.
 *
 * <p>Its public faces are {@link io.pantau.index.ArticleIndex} (search and writes), {@link
 * io.pantau.index.ArticleAggregations} (counts over a {@link io.pantau.query.Selection}, answered
 * as plain records), {@link io.pantau.index.TrendStore} (the {@code pantau-trends} index) and
 * {@link io.pantau.index.Fields} (the stored field names). A selection becomes an Elasticsearch
 * query in one place, {@code SelectionQuery}. The mappings live beside this package ({@code
 * articles-mapping.json}, {@code trends-mapping.json}) and are the ones used by production code,
 * tests and the Kibana checks. Data flows one way: {@code analytics}, {@code reports}, {@code
 * alerts} and {@code web} read through this package, which imports none of them.
 *
 * <p>May import: article, config, enrich, index.node, query, text, the Elasticsearch client.
 */
package io.pantau.index;
