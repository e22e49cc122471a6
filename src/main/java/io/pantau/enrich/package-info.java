/**
 * Enrichment: language, keywords and keyphrases, entities, sentiment and the near-duplicate
 * fingerprint, as pure functions over the {@link io.pantau.article.Article} value.
 *
 * <p>No I/O and no Elasticsearch: what needs the index (the story a fingerprint belongs to) is
 * resolved by {@code index}. May import {@code article} and {@code text} only.
 */
package io.pantau.enrich;
