/**
 * Coverage reports: every article a query selects, as CSV, XLSX or a PDF with charts, streamed in
 * constant memory; and saved report definitions that are run on a cron and e-mailed.
 *
 * <h2>Design</h2>
 *
 * <ul>
 *   <li>{@link io.pantau.reports.Reports} is the public face for one report: {@code prepare} checks
 *       the request and computes the small summaries through the {@code analytics} facade before
 *       anything is sent; the returned {@code Export} then writes rows as they come from the
 *       index's point-in-time cursor ({@code index.ArticleStream}), one page at a time, with the
 *       copies of each row's story counted per page.
 *   <li>Rows ({@code Columns}) hold metadata only: title, source, publisher, URL, language,
 *       sentiment, keywords, entities, story and copies. No body, lead or caption is ever written,
 *       so what {@code ingest.clean.StoragePolicy} withheld stays withheld and nothing else leaks.
 *   <li>Each file records its provenance ({@code Provenance}): query, filters, period, snapshot
 *       time, sort order, the dedup policy (every stored copy is a row; copies counts a story's
 *       stored articles) and the rights policy.
 *   <li>{@link io.pantau.reports.Schedules} keeps saved definitions (Panache entity {@code
 *       ReportSchedule}, table {@code report_schedule}, migration {@code V4__reports.sql}),
 *       registers one scheduler job per enabled definition and mails the file as an attachment.
 * </ul>
 *
 * <p>May import: analytics, article, config, index, query, Panache. From {@code index} only its
 * facades ({@code ArticleStream}, {@code ArticleIndex}, {@code ArticleStats}, {@code
 * ArticleSearch}) and the field names ({@code Fields}).
 */
package io.pantau.reports;
