/**
 * The article as a value: what ingest produces, enrich completes and index stores.
 *
 * <p>Records only, no framework imports, no I/O. Every stage takes an {@link
 * io.pantau.article.Article} and returns a new one; nothing here reaches back into a stage. The CDI
 * event that tells other features about a stored article ({@link io.pantau.article.ArticleIndexed})
 * lives here so that producers and listeners share no other package, with its {@link
 * io.pantau.article.Followup}, through which a listener that finishes later tells ingest when the
 * article's journal record may be marked done (the one class here that is not a record).
 *
 * <p>May import: nothing.
 */
package io.pantau.article;
