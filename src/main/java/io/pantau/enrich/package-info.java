/**
 * Enrichment: language, keywords and keyphrases, entities, sentiment and the near-duplicate
 * fingerprint, as pure functions over the {@link io.pantau.article.Article} value.
 *
 * <p>No I/O and no Elasticsearch: what needs the index (the story a fingerprint belongs to) is
 * resolved by {@code index}. Libraries: Lucene's analysis module (stopword lists, stemmers) and
 * Lingua. Its evaluation harness, which reads the shared data sets, is a development tool under
 * {@code src/tools/java}, outside the production jar.
 *
 * <h2>Design</h2>
 *
 * <ul>
 *   <li>{@link io.pantau.enrich.Enrichment} is the public face: {@code standard()} and {@code
 *       enrich(Article)}, immutable and shared by all threads. Each article is tokenised once into
 *       an {@code AnalyzedText} (parallel arrays of surface forms, folded forms, shape flags and
 *       sentence numbers, and the {@code Vocabulary} bits of each word, found with one lookup) that
 *       every step reads; per-article work is linear in its length.
 *   <li>Everything language-specific is data: {@code languages.tsv} names, per language, the Lingua
 *       constant, the stemmer and the stopword and news-filler lists. Lucene supplies the base
 *       stopword lists; Pantau's own lists add news register.
 *   <li>Language: a stopword profile settles clear cases; Lingua, restricted to the configured
 *       languages and a 500-character sample, decides the rest. Malay needs Malay spellings. A body
 *       whose paragraphs read as different languages lists them with their share of words.
 *   <li>Keyphrases: statistical and corpus-free (runs of content words, scored by frequency,
 *       length, capitalisation and first position; sub-phrases give way to phrases they only occur
 *       in; a surname gives way to the full name).
 *   <li>Entities: gazetteers of people, places and organisations with their aliases and a name per
 *       language; capitalised sequences read with titles, reporting verbs and head words; short
 *       forms resolve to full names within the article. {@code canonicalEntity} exposes the alias
 *       table to queries.
 *   <li>Sentiment: a trained logistic regression (see {@code sentiment/MODEL.md}) for headlines and
 *       short texts, with the lexicon's evidence as two of its inputs; for whole articles the
 *       lexicon-and-rules reading of the body blended with the model's reading of the title; the
 *       lexicon alone for languages the model was not trained on. Per entity, the lexicon reads the
 *       sentences that mention it (aliases included).
 *   <li>Fingerprint: {@link io.pantau.enrich.MinHash}, 128 values (multiply-add hashes in 32-bit
 *       lanes that the JIT vectorises) over word 5-shingles, 32 bands of 4 rows, fixed seeds.
 * </ul>
 *
 * <p>May import: article, text.
 */
package io.pantau.enrich;
