package io.pantau.ingest;

import java.time.Instant;
import java.util.List;
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
 * @param writer whether index writes go through, are being retried, or are stuck
 * @param recentFailures the last accepted articles that could not be stored, oldest first
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
    boolean elasticsearchReachable,
    Writer writer,
    List<Failure> recentFailures) {

  /** An error and when it happened. */
  public record LastError(String message, Instant at) {}

  /**
   * The index writers' state.
   *
   * @param state {@code ok}; {@code retrying} while a write fails and is retried; {@code stuck}
   *     once that has gone on longer than {@code pantau.ingest.stuck-after} (readiness is then
   *     DOWN)
   * @param retryingSince since when the longest-failing write in progress has been retried
   */
  public record Writer(State state, Optional<Instant> retryingSince) {
    /** See {@link Writer#state()}. */
    public enum State {
      ok,
      retrying,
      stuck
    }
  }

  /**
   * An accepted article that was not stored.
   *
   * @param id its id, when it got that far
   * @param url the URL it was submitted with, if any
   * @param error why
   * @param at when it was given up
   */
  public record Failure(String id, String url, String error, Instant at) {}
}
