/**
 * The stored-query matcher: many saved Pantau queries, one new article at a time, in process.
 *
 * <p>Modelled on Lucene's monitor module (whose artifact Maven Central does not serve for the
 * Lucene version Pantau uses). Each query is filed under presearch keys ({@code PresearchTerms})
 * and compiled to a boolean evaluator ({@code CompiledQuery}, {@code TermProgram}) with the meaning
 * {@code io.pantau.query.LuceneCompiler} gives it; each article is analysed once into terms with
 * positions and exact values ({@link io.pantau.monitor.MonitorDocument}); its candidates are found
 * by one lookup per distinct term ({@link io.pantau.monitor.QueryMonitor}, multipass by default)
 * and evaluated over those terms; only sloppy phrases and NEAR run Lucene, on a one-document {@code
 * MemoryIndex} built on first need. A failing query is reported in the result; the others still
 * run. {@link io.pantau.monitor.Highlighter} names the clauses of a query that an article matched.
 *
 * <p>Public surface: {@code QueryMonitor} (register, remove, match), {@code MonitorDocument.of},
 * {@code Highlighter}, {@code Highlight}. Pure: no framework, no I/O, no database.
 *
 * <p>May import: article, query, text.
 */
package io.pantau.monitor;
