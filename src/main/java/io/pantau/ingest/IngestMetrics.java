package io.pantau.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pantau.index.WriteOutcome;
import io.pantau.ingest.journal.IngestJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What ingest counts: its Micrometer meters ({@code pantau.articles.*}, {@code pantau.ingest.*},
 * {@code pantau.bulk.batch.size}, {@code pantau.index.latency}) and the counts since start, last
 * error and recent failures that {@link IngestStatus} shows.
 *
 * <p>Also the {@link BatchWriter}'s listener: a write that reaches the index or is retried is
 * counted here.
 */
final class IngestMetrics implements BatchWriter.Listener {
  /** Failures kept for the status, newest last. */
  private static final int RECENT_FAILURES = 50;

  private final ArrayDeque<IngestStatus.Failure> recentFailures = new ArrayDeque<>();
  private final Supplier<IngestJournal> journal;

  private final Counter accepted;
  private final Counter retries;
  private final AtomicLong acceptedCount = new AtomicLong();
  private final AtomicLong indexedCount = new AtomicLong();
  private final AtomicLong duplicateCount = new AtomicLong();
  private final AtomicLong failedCount = new AtomicLong();
  private final AtomicLong retryCount = new AtomicLong();
  private final AtomicReference<IngestStatus.LastError> lastError = new AtomicReference<>();
  private volatile Boolean lastWriteReachedIndex;

  private final Counter indexed;
  private final Counter duplicates;
  private final Counter rejected;
  private final Counter failed;
  private final DistributionSummary batchSizes;
  private final Timer indexLatency;
  private final Timer ingestLatency;

  /**
   * Registers the meters.
   *
   * @param queue the backlog, for its gauge
   * @param journal the journal once open, or null without one, for its gauges
   */
  IngestMetrics(MeterRegistry registry, BlockingQueue<?> queue, Supplier<IngestJournal> journal) {
    this.journal = journal;
    this.indexed =
        Counter.builder("pantau.articles.ingested")
            .description("Articles newly indexed")
            .register(registry);
    this.duplicates =
        Counter.builder("pantau.articles.duplicate")
            .description("Articles already stored when submitted again")
            .register(registry);
    this.rejected =
        Counter.builder("pantau.articles.rejected")
            .description("Articles refused as invalid")
            .register(registry);
    this.failed =
        Counter.builder("pantau.articles.failed")
            .description("Accepted articles that could not be processed or indexed")
            .register(registry);
    this.batchSizes =
        DistributionSummary.builder("pantau.bulk.batch.size")
            .description("Articles per bulk request to Elasticsearch")
            .register(registry);
    this.indexLatency =
        Timer.builder("pantau.index.latency")
            .description("Time of one bulk write to Elasticsearch")
            .register(registry);
    this.ingestLatency =
        Timer.builder("pantau.ingest.latency")
            .description("Time from accepting an article to its being indexed")
            .register(registry);
    this.accepted =
        Counter.builder("pantau.ingest.accepted")
            .description("Articles accepted (journaled and queued)")
            .register(registry);
    this.retries =
        Counter.builder("pantau.ingest.retries")
            .description("Index writes retried after a failure")
            .register(registry);
    // Gauges hold their object weakly: the queue and this are held by the ingest service.
    registry.gauge("pantau.ingest.backlog", queue, BlockingQueue::size);
    registry.gauge("pantau.ingest.journal.bytes", this, m -> m.journalValue(true));
    registry.gauge("pantau.ingest.journal.pending", this, m -> m.journalValue(false));
    registry.gauge(
        "pantau.ingest.index.reachable",
        this,
        m -> Boolean.FALSE.equals(m.lastWriteReachedIndex) ? 0 : 1);
  }

  private double journalValue(boolean bytes) {
    IngestJournal j = journal.get();
    if (j == null) {
      return 0;
    }
    return bytes ? j.sizeBytes() : j.pending();
  }

  /** Articles accepted: journaled and queued. */
  void accepted(int articles) {
    accepted.increment(articles);
    acceptedCount.addAndGet(articles);
  }

  /** An article refused as invalid at the door. */
  void rejected() {
    rejected.increment();
  }

  /** An article newly indexed, {@code latency} after it was accepted. */
  void indexed(Duration latency) {
    indexed.increment();
    indexedCount.incrementAndGet();
    ingestLatency.record(latency);
  }

  /** An article found already stored. */
  void duplicate() {
    duplicates.increment();
    duplicateCount.incrementAndGet();
  }

  /** An accepted article that will not be stored; the status lists it. */
  void failed(String id, String url, String reason) {
    failed.increment();
    failedCount.incrementAndGet();
    Instant now = Instant.now();
    noteError("article " + (id == null ? url : id) + " not indexed: " + reason);
    synchronized (recentFailures) {
      if (recentFailures.size() == RECENT_FAILURES) {
        recentFailures.removeFirst();
      }
      recentFailures.addLast(new IngestStatus.Failure(id, url, reason, now));
    }
  }

  /** A bulk request of {@code articles} articles was written. */
  void batch(int articles) {
    batchSizes.record(articles);
  }

  /** Runs one bulk write to the index, timed. */
  List<WriteOutcome> timeIndexWrite(Supplier<List<WriteOutcome>> write) {
    return indexLatency.record(write);
  }

  /** The last error the status shows. */
  void noteError(String message) {
    lastError.set(new IngestStatus.LastError(message, Instant.now()));
  }

  @Override
  public void reached(boolean reached) {
    lastWriteReachedIndex = reached;
  }

  @Override
  public void retrying(int articles, String error) {
    noteError(error);
    retries.increment();
    retryCount.incrementAndGet();
  }

  long acceptedCount() {
    return acceptedCount.get();
  }

  long indexedCount() {
    return indexedCount.get();
  }

  long duplicateCount() {
    return duplicateCount.get();
  }

  long failedCount() {
    return failedCount.get();
  }

  long retryCount() {
    return retryCount.get();
  }

  Optional<IngestStatus.LastError> lastError() {
    return Optional.ofNullable(lastError.get());
  }

  /** The last failures, oldest first. */
  List<IngestStatus.Failure> recentFailures() {
    synchronized (recentFailures) {
      return List.copyOf(recentFailures);
    }
  }
}
