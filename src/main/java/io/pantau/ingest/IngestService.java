package io.pantau.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.pantau.article.Article;
import io.pantau.article.ArticleIndexed;
import io.pantau.article.Followup;
import io.pantau.article.RawArticle;
import io.pantau.config.PantauConfig;
import io.pantau.index.ArticleIndex;
import io.pantau.ingest.Pipeline.Job;
import io.pantau.ingest.journal.IngestJournal;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Accepts raw articles and sees them through cleaning, enrichment and indexing.
 *
 * <p>Accepting is cheap and bounded: an article is validated, written to the journal and forced to
 * disk (one fsync per call), and queued; or the caller is told the backlog is full. Worker threads
 * take queued articles in batches, so Elasticsearch sees bulk requests of {@code
 * pantau.ingest.batch-size}, retry with exponential backoff for as long as Elasticsearch is away,
 * complete each article's future with what became of it and only then mark it done in the journal:
 * once the listeners of {@link ArticleIndexed} (alert matching) have finished with the batch (its
 * {@link Followup}). At start, what the journal holds undone is queued again. Replaying an article
 * that was already stored is harmless: ids are stable and writes are creates, so it comes back
 * {@code duplicate}, and is announced again so that a match a crash cut short is made (the story
 * ledger of alerts keeps that from notifying twice).
 *
 * <p>Shutdown comes first of all the stops ({@link #onStop}): no new article is accepted, the
 * workers go on with the queue for up to {@code pantau.ingest.drain-on-stop}, and only then do the
 * listeners drain and the database and Elasticsearch client close.
 *
 * <p>This class owns accepting, the queue, the journal and the workers; what happens to each
 * article on a worker is the {@link Pipeline}, and what is counted is {@link IngestMetrics}.
 */
@ApplicationScoped
public class IngestService {
  private static final Logger LOG = Logger.getLogger(IngestService.class);

  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final ArticleIndex index;
  private final PantauConfig.Ingest settings;
  private final RawArticleValidator validator;
  private final IngestMetrics metrics;
  private final BatchWriter writer;
  private final Pipeline pipeline;
  private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicInteger busyWorkers = new AtomicInteger();
  private volatile boolean stopping;
  private final List<Thread> workers = new ArrayList<>();
  private final java.nio.file.Path journalDir;
  private Semaphore capacity;
  private IngestJournal journal;
  private boolean started;
  private volatile int recoveredArticles;
  private volatile long recoveryMillis;

  IngestService(
      ArticleIndex index,
      Event<ArticleIndexed> indexedEvent,
      PantauConfig config,
      MeterRegistry registry) {
    this.index = index;
    this.settings = config.ingest();
    DateWindow dates = DateWindow.of(settings.publishedEarliest(), settings.publishedAhead());
    this.validator = new RawArticleValidator(settings.maxTextChars(), dates);
    StoragePolicy storagePolicy = Pipeline.parsePolicy(settings.rightsPolicy());
    this.journalDir = config.dataDir().resolve("journal");
    this.metrics = new IngestMetrics(registry, queue, () -> journal);
    this.writer =
        new BatchWriter(
            (writes, refresh) -> metrics.timeIndexWrite(() -> index.write(writes, refresh)),
            metrics,
            settings.retryBackoff(),
            settings.maxRetryBackoff(),
            running::get,
            java.time.Clock.systemUTC());
    this.pipeline = new Pipeline(dates, storagePolicy, writer, metrics, indexedEvent, this::stored);
  }

  /** Resumes what the journal holds undone as soon as the application starts. */
  void onStart(@Observes StartupEvent event) {
    ensureStarted();
  }

  /**
   * Opens the journal, queues what it holds undone, and starts the workers; once. The backlog bound
   * counts recovered articles, so a restart with a full journal refuses new ones until it has
   * drained.
   */
  private synchronized void ensureStarted() {
    if (started) {
      return;
    }
    List<Job> recovered = new ArrayList<>();
    if (settings.journal()) {
      journal = IngestJournal.open(journalDir, settings.journalSegmentBytes());
      Instant now = Instant.now();
      List<Long> unreadable = new ArrayList<>();
      for (IngestJournal.Record r : journal.recovered()) {
        try {
          recovered.add(
              new Job(
                  RawArticleCodec.decode(r.payload()),
                  now,
                  false,
                  new CompletableFuture<>(),
                  r.seq(),
                  true));
        } catch (IllegalArgumentException e) {
          LOG.errorf("Skipping unreadable journal record %d: %s", r.seq(), e.getMessage());
          unreadable.add(r.seq());
        }
      }
      journal.complete(unreadable);
      recoveredArticles = recovered.size();
      recoveryMillis = journal.recoveryNanos() / 1_000_000;
      if (!recovered.isEmpty()) {
        LOG.infof(
            "Resuming %d accepted articles from the ingest journal (read in %d ms)",
            recovered.size(), recoveryMillis);
      }
    }
    // May start negative when the bound was lowered since the articles were accepted.
    capacity = new Semaphore(settings.queueCapacity() - recovered.size());
    queue.addAll(recovered);
    started = true;
    startWorkers();
  }

  /**
   * Validates and queues articles; all or none are queued. Invalid ones come back rejected at once,
   * each with its reasons.
   *
   * @throws IngestBusyException when the backlog has no room for them
   */
  public List<CompletableFuture<ItemResult>> submit(List<RawArticle> raws, boolean refresh) {
    return submit(raws, refresh, Duration.ZERO);
  }

  /**
   * Like {@link #submit(List, boolean)}, but waits up to {@code wait} for room in the backlog;
   * streaming imports use this so a large file flows at the speed of processing.
   */
  public List<CompletableFuture<ItemResult>> submit(
      List<RawArticle> raws, boolean refresh, Duration wait) {
    ensureStarted();
    if (stopping) {
      throw new IngestBusyException(
          "Pantau is stopping; nothing of this request was accepted; retry shortly.", RETRY_AFTER);
    }
    Instant now = Instant.now();
    List<CompletableFuture<ItemResult>> results = new ArrayList<>(raws.size());
    List<Job> jobs = new ArrayList<>();
    for (RawArticle raw : raws) {
      List<String> problems = validator.problems(raw);
      if (!problems.isEmpty()) {
        metrics.rejected();
        results.add(
            CompletableFuture.completedFuture(
                ItemResult.rejected(null, String.join("; ", problems))));
        continue;
      }
      RawArticle r = raw.fetchedAt() == null ? raw.withFetchedAt(now) : raw;
      Job job = new Job(r, now, refresh, new CompletableFuture<>(), -1, false);
      jobs.add(job);
      results.add(job.result());
    }
    if (!jobs.isEmpty()) {
      boolean room;
      try {
        room = capacity.tryAcquire(jobs.size(), wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        room = false;
      }
      if (!room) {
        throw new IngestBusyException(
            "The processing backlog is full ("
                + settings.queueCapacity()
                + " articles); nothing of this request was accepted; retry shortly.",
            RETRY_AFTER);
      }
      try {
        jobs = journaled(jobs);
      } catch (RuntimeException e) {
        capacity.release(jobs.size());
        throw e;
      }
      queue.addAll(jobs);
      metrics.accepted(jobs.size());
    }
    return results;
  }

  /** Writes the jobs to the journal and forces it to disk once; they are accepted from then on. */
  private List<Job> journaled(List<Job> jobs) {
    if (journal == null) {
      return jobs;
    }
    if (journal.sizeBytes() >= settings.journalMaxBytes()) {
      throw new IngestBusyException(
          "The ingest journal is full ("
              + settings.journalMaxBytes()
              + " bytes of articles not yet indexed); nothing of this request was accepted; retry"
              + " shortly.",
          RETRY_AFTER);
    }
    List<byte[]> payloads = new ArrayList<>(jobs.size());
    for (Job j : jobs) {
      payloads.add(RawArticleCodec.encode(j.raw()));
    }
    long[] seqs;
    try {
      seqs = journal.append(payloads);
    } catch (IOException e) {
      LOG.error("Could not write the ingest journal", e);
      metrics.noteError("journal write failed: " + e.getMessage());
      throw new IngestBusyException(
          "The articles could not be stored safely (the ingest journal could not be written);"
              + " nothing of this request was accepted; retry shortly.",
          RETRY_AFTER);
    }
    List<Job> out = new ArrayList<>(jobs.size());
    for (int i = 0; i < jobs.size(); i++) {
      Job j = jobs.get(i);
      out.add(new Job(j.raw(), j.acceptedAt(), j.refresh(), j.result(), seqs[i], false));
    }
    return out;
  }

  /** Cleans and enriches without storing: what {@code POST /api/enrich} returns. */
  public Article preview(RawArticle raw) {
    List<String> problems = validator.problems(raw);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    RawArticle r = raw.fetchedAt() == null ? raw.withFetchedAt(Instant.now()) : raw;
    return pipeline.preview(r);
  }

  /**
   * Waits up to {@code wait} for each result; those not done by then are reported as queued (they
   * go on in the background).
   */
  public static List<ItemResult> await(List<CompletableFuture<ItemResult>> futures, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    List<ItemResult> out = new ArrayList<>(futures.size());
    for (CompletableFuture<ItemResult> f : futures) {
      long left = Math.max(0, deadline - System.nanoTime());
      try {
        out.add(f.get(left, TimeUnit.NANOSECONDS));
      } catch (TimeoutException e) {
        out.add(new ItemResult(null, ItemResult.Status.queued, null));
      } catch (ExecutionException e) {
        out.add(ItemResult.rejected(null, "processing failed"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        out.add(new ItemResult(null, ItemResult.Status.queued, null));
      }
    }
    return out;
  }

  /** Articles accepted and not yet processed. */
  public int backlog() {
    return queue.size();
  }

  /**
   * What ingest is doing: backlog, journal, counts since start, the last error, and whether
   * Elasticsearch answers right now.
   */
  public IngestStatus status() {
    ensureStarted();
    boolean reachable = index.reachable();
    IngestJournal j = journal;
    return new IngestStatus(
        queue.size(),
        settings.queueCapacity(),
        j != null,
        j == null ? 0 : j.pending(),
        j == null ? 0 : j.sizeBytes(),
        j == null ? 0 : j.segmentCount(),
        settings.journalMaxBytes(),
        metrics.acceptedCount(),
        metrics.indexedCount(),
        metrics.duplicateCount(),
        metrics.failedCount(),
        metrics.retryCount(),
        recoveredArticles,
        recoveryMillis,
        metrics.lastError(),
        reachable,
        writerState(),
        metrics.recentFailures());
  }

  /** The writers' state: stuck once a write has been retried for longer than stuck-after. */
  IngestStatus.Writer writerState() {
    Optional<Instant> since = writer.retryingSince();
    if (since.isEmpty()) {
      return new IngestStatus.Writer(IngestStatus.Writer.State.ok, since);
    }
    boolean stuck =
        Duration.between(since.get(), Instant.now()).compareTo(settings.stuckAfter()) > 0;
    return new IngestStatus.Writer(
        stuck ? IngestStatus.Writer.State.stuck : IngestStatus.Writer.State.retrying, since);
  }

  /** Whether every worker thread is running. */
  boolean workersAlive() {
    ensureStarted();
    return !workers.isEmpty() && workers.stream().allMatch(Thread::isAlive);
  }

  /** How long a request waits for its articles before answering queued. */
  public Duration syncWait() {
    return settings.syncWait();
  }

  public int batchSize() {
    return settings.batchSize();
  }

  private void startWorkers() {
    if (running.compareAndSet(false, true)) {
      for (int i = 0; i < Math.max(1, settings.workers()); i++) {
        Thread t = new Thread(this::work, "pantau-ingest-" + i);
        t.setDaemon(true);
        t.start();
        workers.add(t);
      }
    }
  }

  /**
   * The first of the shutdown steps (the lowest priority runs first; alerts drain next, and the
   * database and the Elasticsearch client close after both): stops accepting, lets the workers go
   * on with what is queued for up to {@code drain-on-stop}, then stops them. An article left
   * queued, or in a batch stopped half way, is undone in the journal and processed at the next
   * start.
   */
  void onStop(@Observes @Priority(Interceptor.Priority.APPLICATION) ShutdownEvent event) {
    stopping = true;
    long deadline = System.nanoTime() + settings.drainOnStop().toNanos();
    try {
      while ((!queue.isEmpty() || busyWorkers.get() > 0) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int left = queue.size();
    running.set(false);
    workers.forEach(Thread::interrupt);
    for (Thread t : workers) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (left > 0) {
      LOG.infof(
          "Ingest stopped with %d accepted article(s) queued; the journal keeps them for the next"
              + " start",
          left);
    }
  }

  private void work() {
    List<Job> batch = new ArrayList<>(settings.batchSize());
    while (running.get()) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      busyWorkers.incrementAndGet();
      try {
        queue.drainTo(batch, settings.batchSize() - 1);
        Followup followup = new Followup(journalDone(List.copyOf(batch)));
        try {
          pipeline.process(batch, followup);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (RuntimeException e) {
          LOG.error("Ingest batch failed", e);
          for (Job j : batch) {
            if (!j.result().isDone()) {
              pipeline.fail(j, null, "processing failed: " + e.getMessage());
            }
          }
        }
        // Interrupted (shutting down) batches return above and stay undone in the journal.
        capacity.release(batch.size());
        followup.release();
        batch.clear();
      } finally {
        busyWorkers.decrementAndGet();
      }
    }
  }

  /**
   * Marks the batch done in the journal; run when the last listener has finished with it, which may
   * be on an alert-matching thread after the worker has moved on.
   */
  private Runnable journalDone(List<Job> batch) {
    IngestJournal j = journal;
    if (j == null) {
      return () -> {};
    }
    List<Long> seqs = new ArrayList<>(batch.size());
    for (Job job : batch) {
      if (job.seq() >= 0) {
        seqs.add(job.seq());
      }
    }
    return () -> j.complete(seqs);
  }

  /**
   * The stored copies of articles a replay found already stored, read after a refresh (they may
   * have been written a moment before the crash).
   */
  private java.util.Map<String, Article> stored(List<String> ids) {
    index.refresh();
    java.util.Map<String, Article> out = new java.util.HashMap<>();
    for (String id : ids) {
      index.get(id).ifPresent(a -> out.put(id, a));
    }
    return out;
  }
}
