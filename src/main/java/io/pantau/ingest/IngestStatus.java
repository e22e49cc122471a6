package io.pantau.ingest;

import java.time.Instant;
import java.util.Optional;

/**
 * What ingest is doing, as {@code GET /api/ingest/status} shows it. Counts are since start.
 *
 * @param backlog accepted articles waiting to be processed
 * @param backlogBound the backlog beyond which new articles are refused with 429
 * @param journalEnabled whether accepted articles are journaled before the answer
 * @param journalPending journaled articles not yet done
 * @param journalBytes bytes held in journal segment files
 * @param journalSegments journal segment files on disk
 * @param journalBound journal bytes beyond which new articles are refused with 429
 * @param accepted articles accepted
 * @param indexed articles newly indexed
 * @param duplicates articles found already stored
 * @param failed accepted articles that could not be processed or indexed
 * @param retries index writes retried after a failure
 * @param recovered articles resumed from the journal at start
 * @param recoveryMillis time taken to read them back
 * @param lastError the last error, if any
 * @param elasticsearchReachable whether Elasticsearch answers now
 */
public record IngestStatus(
    int backlog,
    int backlogBound,
    boolean journalEnabled,
    long journalPending,
    long journalBytes,
    int journalSegments,
    long journalBound,
    long accepted,
    long indexed,
    long duplicates,
    long failed,
    long retries,
    int recovered,
    long recoveryMillis,
    Optional<LastError> lastError,
    boolean elasticsearchReachable) {

  /** An error and when it happened. */
  public record LastError(String message, Instant at) {}
}
