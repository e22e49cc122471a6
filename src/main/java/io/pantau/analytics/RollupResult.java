package io.pantau.analytics;

import java.time.LocalDate;

/**
 * What a trends rollup did.
 *
 * @param from first day rolled up (UTC)
 * @param to the day after the last one
 * @param days days rolled up
 * @param written trend documents written (created or overwritten)
 * @param deleted documents of those days removed because their term no longer ranks
 */
public record RollupResult(LocalDate from, LocalDate to, int days, long written, long deleted) {}
