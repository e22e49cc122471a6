package io.pantau.ingest;

import io.pantau.index.IndexUnavailableException;
import io.pantau.index.IndexWrite;
import io.pantau.index.WriteOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Writes a batch of articles to the index and sees that every article gets its own outcome.
 *
 * <p>Retries with exponential backoff: for as long as Elasticsearch is away (the articles are safe
 * in the journal meanwhile), and again for single articles it turned away as overloaded. A failure
 * of the whole request for any other reason may be the fault of one article in it, so the batch is
 * split in halves and each half written on its own, down to single articles: the article at fault
 * fails alone after a few attempts and every other one is written. A batch mixes the articles of
 * several callers, so without this one bad article failed its neighbours.
 */
final class BatchWriter {
  private static final Logger LOG = Logger.getLogger(BatchWriter.class);

  /** Attempts for a single article whose write fails for a reason other than the index away. */
  static final int MAX_UNEXPECTED_ATTEMPTS = 6;

  /** Where batches go: the article index, or a stand-in in tests of this class. */
  interface Sink {
    List<WriteOutcome> write(List<IndexWrite> writes, boolean refresh);
  }

  /** What the writer tells its owner, for the status, the log and the metrics. */
  interface Listener {
    /** A write reached the index ({@code true}) or found it unreachable. */
    void reached(boolean reached);

    /** A write of {@code articles} articles failed and is retried. */
    void retrying(int articles, String error);
  }

  private final Sink sink;
  private final Listener listener;
  private final Duration backoff;
  private final Duration maxBackoff;
  private final BooleanSupplier running;
  private final Clock clock;
  private final Map<Thread, Instant> retryingSince = new ConcurrentHashMap<>();

  BatchWriter(
      Sink sink,
      Listener listener,
      Duration backoff,
      Duration maxBackoff,
      BooleanSupplier running,
      Clock clock) {
    this.sink = sink;
    this.listener = listener;
    this.backoff = backoff;
    this.maxBackoff = maxBackoff;
    this.running = running;
    this.clock = clock;
  }

  /**
   * Writes the batch; the outcomes are in the order of {@code writes}.
   *
   * @throws InterruptedException when the writer is stopping; the batch stays undone in the journal
   */
  List<WriteOutcome> write(List<IndexWrite> writes, boolean refresh) throws InterruptedException {
    try {
      return writeSplitting(writes, refresh);
    } finally {
      retryingSince.remove(Thread.currentThread());
    }
  }

  /** Since when the longest-failing write in progress has been retried, if one is. */
  Optional<Instant> retryingSince() {
    return retryingSince.values().stream().min(Comparator.naturalOrder());
  }

  private List<WriteOutcome> writeSplitting(List<IndexWrite> writes, boolean refresh)
      throws InterruptedException {
    long backoffMs = Math.max(1, backoff.toMillis());
    long maxBackoffMs = Math.max(backoffMs, maxBackoff.toMillis());
    WriteOutcome[] outcomes = new WriteOutcome[writes.size()];
    List<Integer> todo = new ArrayList<>();
    for (int i = 0; i < writes.size(); i++) {
      todo.add(i);
    }
    int unexpected = 0;
    while (true) {
      if (!running.getAsBoolean()) {
        throw new InterruptedException("ingest is stopping");
      }
      List<IndexWrite> attempt = todo.stream().map(writes::get).toList();
      String error;
      try {
        List<WriteOutcome> got = sink.write(attempt, refresh);
        listener.reached(true);
        List<Integer> again = new ArrayList<>();
        for (int k = 0; k < got.size(); k++) {
          WriteOutcome o = got.get(k);
          if (o.status() == WriteOutcome.Status.failed && isTransient(o.error())) {
            again.add(todo.get(k));
          } else {
            outcomes[todo.get(k)] = o;
          }
        }
        if (again.isEmpty()) {
          return List.of(outcomes);
        }
        todo = again;
        error = again.size() + " articles turned away by Elasticsearch as overloaded";
      } catch (IndexUnavailableException e) {
        listener.reached(false);
        error = e.getMessage();
      } catch (RuntimeException e) {
        error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (todo.size() > 1) {
          LOG.warnf("Writing %d articles failed (%s); writing them in halves", todo.size(), error);
          splitInto(outcomes, writes, todo, refresh);
          return List.of(outcomes);
        }
        if (++unexpected >= MAX_UNEXPECTED_ATTEMPTS) {
          String id = writes.get(todo.get(0)).id();
          LOG.errorf(e, "Giving up on article %s after %d attempts", id, unexpected);
          outcomes[todo.get(0)] = WriteOutcome.failed(id, error);
          return List.of(outcomes);
        }
      }
      retryingSince.putIfAbsent(Thread.currentThread(), clock.instant());
      listener.retrying(todo.size(), error);
      LOG.warnf(
          "Indexing %d articles failed, retrying in %d ms: %s", todo.size(), backoffMs, error);
      Thread.sleep(backoffMs);
      backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
    }
  }

  /** Writes the two halves of {@code todo} separately, each with its own retries. */
  private void splitInto(
      WriteOutcome[] outcomes, List<IndexWrite> writes, List<Integer> todo, boolean refresh)
      throws InterruptedException {
    int mid = todo.size() / 2;
    for (List<Integer> half : List.of(todo.subList(0, mid), todo.subList(mid, todo.size()))) {
      List<WriteOutcome> got = writeSplitting(half.stream().map(writes::get).toList(), refresh);
      for (int k = 0; k < half.size(); k++) {
        outcomes[half.get(k)] = got.get(k);
      }
    }
  }

  /** Item errors that say "not now" rather than "never". */
  private static boolean isTransient(String error) {
    return error != null
        && (error.startsWith("es_rejected_execution_exception")
            || error.startsWith("unavailable_shards_exception")
            || error.startsWith("cluster_block_exception"));
  }
}
