/**
 * The enrichment evaluation harness: runs {@link io.pantau.enrich.Enrichment} over labelled
 * JSON-Lines development sets and reports quality and CPU cost. A development tool with file I/O,
 * kept apart from the pure {@code enrich} package; nothing in production imports it.
 */
package io.pantau.enrich.eval;
