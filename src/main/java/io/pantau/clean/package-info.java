/**
 * The article cleaner: turns what was scraped (plain text, an HTML fragment or a whole page) into
 * the fields of an {@link io.pantau.article.Article}. Pure: no I/O, no CDI, no framework.
 *
 * <p>Public face: {@link io.pantau.clean.ArticleCleaner} (raw article in, clean article out;
 * thread-safe, never throws) and {@link io.pantau.ingest.StoragePolicy} (how much text to keep when
 * the rights holder prohibits AI use). Everything else is package-private.
 *
 * <p>Design. Both input paths end in blocks of lines: HTML pages go through {@code HtmlExtractor}
 * (chrome containers dropped unless they hold most of the prose, teaser cards and sign-up and
 * author boxes cut, the densest text container kept, the rest read only for credits, rights and
 * dates; docs/extraction.md has the mechanisms and their measurement; metadata from Open Graph,
 * article meta, JSON-LD and the canonical link in {@code PageMeta}); plain text is split at blank
 * lines. {@code StoryParser} then sorts every line into chrome, credit, rights notice, date line or
 * text, every block into caption or paragraph, strips the dateline from the opening and keeps
 * repeated paragraphs once. {@code DateResolver} picks the publication time from the strongest
 * evidence.
 *
 * <p>Rules are data: {@code rules-common.txt} and one {@code rules-<lang>.txt} per language
 * (Indonesian and English so far) under {@code src/main/resources/io/pantau/clean/}, read once. A
 * new outlet's chrome line, dateline or credit label is a line in those files, not code.
 *
 * <p>Dates of day precision are stored at 00:00 UTC of the printed calendar day, so the UTC date is
 * the day the story names; times printed without a zone are read in the language's default zone
 * (WIB, UTC+7, for Indonesian; UTC for English).
 *
 * <p>May import: article, text. Libraries: jsoup and Jackson.
 */
package io.pantau.clean;
