/**
 * Ingest: accepts raw articles, cleans them, gives them a stable identity, runs enrichment and
 * hands them to the index, in that order and in one direction.
 *
 * <p>Shaped as accept → queue → process: {@link io.pantau.ingest.IngestService} validates and
 * queues, worker threads clean, enrich and write in batches, and each stored article is announced
 * with the {@link io.pantau.article.ArticleIndexed} CDI event. Sub-packages: {@code clean} (pure
 * text and HTML cleaning), {@code seed} (sample data and the article generator). May import {@code
 * article}, {@code text}, {@code config}, {@code enrich} and {@code index}.
 */
package io.pantau.ingest;
