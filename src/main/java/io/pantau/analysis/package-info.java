/**
 * Language-aware word analysis: the stems that let a word find its inflections. Indonesian
 * (affixes, confixes, particles and possessives, checked against a root list; also used for Malay)
 * and English (Snowball's Porter2). Stems are computed here, in Java, and indexed as words, so the
 * embedded Elasticsearch (which has no language analysers) and a full cluster behave alike, and the
 * alert matcher stems exactly as the index does.
 *
 * <p>Input is folded ({@code io.pantau.text.Fold}) and tokenised text: one token in, one stem out,
 * never an empty one. Pure and thread-safe; of libraries only {@code lucene-analysis-common}.
 *
 * <p>May import: text.
 */
package io.pantau.analysis;
