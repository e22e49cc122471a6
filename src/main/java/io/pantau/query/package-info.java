/**
 * The Pantau query language: one grammar, one parser, one tree, shared by search, analytics, alerts
 * and reports.
 *
 * <h2>Grammar</h2>
 *
 * <pre>
 * query    := or
 * or       := and ( "OR" and )*
 * and      := not ( [ "AND" ] not )*          adjacency means AND
 * not      := ( "NOT" | "-" ) not | near
 * near     := primary [ "NEAR/" n primary ]    both within n words, either order
 * primary  := [ field ":" ] ( "(" query ")" | phrase [ "~" n ] | word [ "*" ] )
 * </pre>
 *
 * <p>Decisions the grammar leaves open, taken here:
 *
 * <ul>
 *   <li>Operators are the exact upper-case tokens {@code AND}, {@code OR}, {@code NOT}, {@code
 *       NEAR/n}; anything else is a word. {@code -} is NOT only at the start of a token, so {@code
 *       China-Kazakhstan} is one word; like {@code NOT} it may be followed by a space.
 *   <li>Words end at white space, parentheses and quotes. Quotes are {@code "}, {@code “}, {@code
 *       ”} and {@code „}; any of them closes a phrase.
 *   <li>Letters before a colon ({@code person:}) name a field, case-insensitively; an unknown name
 *       is a syntax error naming it, except a URL scheme ({@code https://}), which stays part of
 *       the word. A colon after anything but letters ({@code 10:30}) is part of the word.
 *   <li>A field before a group applies to every clause in it; a field inside such a group is an
 *       error. Exact fields take a word, a {@code word*} prefix or a quoted value, never {@code ~}.
 *   <li>NEAR takes words, prefixes, phrases without {@code ~} and OR groups of them, on the text
 *       fields; both sides must fall in the same field (title or body). NEAR does not chain.
 *   <li>{@code n} in {@code NEAR/n} and {@code ~n} is 0 to 1000. A prefix needs 3 characters before
 *       the {@code *} and is compared, folded, with single index terms, so {@code China-Kaz*} finds
 *       nothing; a {@code *} elsewhere in a word is an ordinary character.
 *   <li>Limits: 1000 characters, 100 clauses (words, phrases, field values), groups 10 deep; beyond
 *       them {@link io.pantau.query.QueryLimitException}. Positions in errors are zero-based UTF-16
 *       offsets.
 *   <li>A word the index tokenizer splits ({@code China-Kazakhstan}, {@code 2-1}) means its parts
 *       side by side, as a phrase does.
 *   <li>A word or phrase that leaves no index term (a lone {@code &}) is dropped like a stop word;
 *       a query left with nothing matches everything, as a blank one does.
 *   <li>A bare word of one token also matches, in each article's own language, the words with its
 *       stem ({@code io.pantau.analysis}); a prefix is also compared with stems; a quoted phrase (a
 *       quoted single word too) matches words as written. NEAR compares stems only when neither
 *       side holds a quoted phrase or a word the tokenizer splits.
 * </ul>
 *
 * <p>Words are kept as written in the tree and folded ({@code io.pantau.text.Fold}) only by the
 * compilers, through {@link io.pantau.query.QueryText}, which both compilers share so that the
 * Elasticsearch compiler in {@code index} and {@link io.pantau.query.LuceneCompiler} (alerts) give
 * a query one meaning.
 *
 * <p>{@link io.pantau.query.Selection} is the question's "which articles": the parsed query with a
 * period, sources and languages, which searches, analytics and reports each wrap.
 *
 * <p>Pure: no framework and no Elasticsearch client; of libraries only Lucene ({@code lucene-core},
 * {@code lucene-analysis-common}, {@code lucene-queries}).
 *
 * <p>May import: analysis, text.
 */
package io.pantau.query;
