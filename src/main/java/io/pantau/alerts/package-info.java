/**
 * Keyword alerts: stored Pantau queries that watch the article stream and tell someone.
 *
 * <h2>Design</h2>
 *
 * <ul>
 *   <li>{@link io.pantau.alerts.Alerts} is the public face: rules (Panache entities in tables
 *       {@code alert_rule}, {@code alert_event}, {@code alert_story}, {@code alert_digest_item},
 *       migration {@code V2__alerts.sql}), their events and previews. Everything else is
 *       package-private.
 *   <li>{@code match} rules are matched in process by the stored-query matcher of {@code monitor}
 *       ({@code AlertMatcher} keeps one {@code QueryMonitor} in step with the saved rules and
 *       offers it each new article, {@code ArticleIndexed}). One failing query is logged; the
 *       others still run.
 *   <li>Noise control ({@code NoiseFilter}): disabled and muted rules stay silent; a rule tells
 *       about a story (storyId) once, guaranteed by the primary key of {@code alert_story}; a rule
 *       with {@code digestMinutes} collects matches and sends one message.
 *   <li>{@code volume_spike} and {@code sentiment_shift} rules are evaluated every {@code
 *       pantau.alerts.evaluate-every} ({@code RuleEvaluator}, {@code SpikeDetector}) with counts
 *       and averages from the index facade, and fire at most once per window.
 *   <li>Delivery ({@code Delivery}) signs webhook bodies with the rule's secret (HMAC-SHA256 of
 *       timestamp, delivery id and body in {@code X-Pantau-Signature}, beside {@code
 *       X-Pantau-Timestamp} and {@code X-Pantau-Delivery}, so receivers can refuse replays), asks
 *       the outbound guard before each request and redirect, sends e-mail with text and HTML parts
 *       through the Quarkus mailer, retries with doubling waits and records every notification and
 *       its attempts as an {@code alert_event}.
 * </ul>
 *
 * <p>May import: article, config, index, monitor, outbound, query, Panache. From {@code index} only
 * its facades ({@code ArticleIndex}, {@code ArticleStats}, {@code ArticleSearch}). Nothing but
 * {@code web} imports it.
 */
package io.pantau.alerts;
