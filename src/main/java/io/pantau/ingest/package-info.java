/**
 * Ingest: accepts raw articles, cleans them, gives them a stable identity, runs enrichment and
 * hands them to the index, in that order and in one direction.
 *
 * <p>Shaped as accept → queue → process: {@link io.pantau.ingest.IngestService} validates, journals
 * and queues, and runs the worker threads; on a worker, {@link io.pantau.ingest.Pipeline} cleans,
 * dates, identifies and enriches each article and hands the batch to {@link
 * io.pantau.ingest.BatchWriter}, which writes it to the index with retries; {@link
 * io.pantau.ingest.IngestMetrics} holds the Micrometer meters and the counts behind {@link
 * io.pantau.ingest.IngestStatus}. Each stored article is announced with the {@link
 * io.pantau.article.ArticleIndexed} CDI event. Also here: the file import ({@code ArticleImporter},
 * {@code ArticleFiles}). Sub-package: {@code journal} (the append-only journal of accepted
 * articles).
 *
 * <p>May import: article, clean, config, enrich, index, ingest.journal, text.
 */
package io.pantau.ingest;
