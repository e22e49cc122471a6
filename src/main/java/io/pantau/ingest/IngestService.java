package io.pantau.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pantau.article.Article;
import io.pantau.article.ArticleIndexed;
import io.pantau.article.DatePrecision;
import io.pantau.article.EnrichedArticle;
import io.pantau.article.RawArticle;
import io.pantau.clean.ArticleCleaner;
import io.pantau.config.PantauConfig;
import io.pantau.enrich.Enrichment;
import io.pantau.index.ArticleIndex;
import io.pantau.index.IndexWrite;
import io.pantau.index.WriteOutcome;
import io.pantau.ingest.journal.IngestJournal;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Accepts raw articles and sees them through cleaning, enrichment and indexing.
 *
 * <p>Accepting is cheap and bounded: an article is validated, written to the journal and forced to
 * disk (one fsync per call), and queued; or the caller is told the backlog is full. Worker threads
 * take queued articles in batches, so Elasticsearch sees bulk requests of {@code
 * pantau.ingest.batch-size}, retry with exponential backoff for as long as Elasticsearch is away,
 * complete each article's future with what became of it and only then mark it done in the journal.
 * At start, what the journal holds undone is queued again. Replaying an article that was already
 * stored is harmless: ids are stable and writes are creates, so it comes back {@code duplicate},
 * which fires no {@link ArticleIndexed} event.
 */
@ApplicationScoped
public class IngestService {
  private static final Logger LOG = Logger.getLogger(IngestService.class);

  /** Failures kept for the status, newest last. */
  private static final int RECENT_FAILURES = 50;

  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final ArticleCleaner cleaner = new ArticleCleaner();
  private final Enrichment enrichment = Enrichment.standard();
  private final ArticleIndex index;
  private final Event<ArticleIndexed> indexedEvent;
  private final PantauConfig.Ingest settings;
  private final RawArticleValidator validator;
  private final DateWindow dates;
  private final BatchWriter writer;
  private final ArrayDeque<IngestStatus.Failure> recentFailures = new ArrayDeque<>();
  private final StoragePolicy storagePolicy;
  private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> workers = new ArrayList<>();
  private final java.nio.file.Path journalDir;
  private Semaphore capacity;
  private IngestJournal journal;
  private boolean started;

  private final Counter accepted;
  private final Counter retries;
  private final AtomicLong acceptedCount = new AtomicLong();
  private final AtomicLong indexedCount = new AtomicLong();
  private final AtomicLong duplicateCount = new AtomicLong();
  private final AtomicLong failedCount = new AtomicLong();
  private final AtomicLong retryCount = new AtomicLong();
  private final AtomicReference<IngestStatus.LastError> lastError = new AtomicReference<>();
  private volatile Boolean lastWriteReachedIndex;
  private volatile int recoveredArticles;
  private volatile long recoveryMillis;

  private final Counter indexed;
  private final Counter duplicates;
  private final Counter rejected;
  private final Counter failed;
  private final DistributionSummary batchSizes;
  private final Timer indexLatency;
  private final Timer ingestLatency;

  /**
   * One accepted article.
   *
   * @param seq its journal sequence number, or -1 without a journal
   */
  private record Job(
      RawArticle raw,
      Instant acceptedAt,
      boolean refresh,
      CompletableFuture<ItemResult> result,
      long seq) {}

  /** An article ready to write: what is stored, and the whole enriched article for listeners. */
  private record Prepared(Job job, IndexWrite write, EnrichedArticle full) {}

  IngestService(
      ArticleIndex index,
      Event<ArticleIndexed> indexedEvent,
      PantauConfig config,
      MeterRegistry registry) {
    this.index = index;
    this.indexedEvent = indexedEvent;
    this.settings = config.ingest();
    this.dates = DateWindow.of(settings.publishedEarliest(), settings.publishedAhead());
    this.validator = new RawArticleValidator(settings.maxTextChars(), dates);
    this.storagePolicy = parsePolicy(settings.rightsPolicy());
    this.journalDir = config.dataDir().resolve("journal");
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
    this.writer =
        new BatchWriter(
            (writes, refresh) -> indexLatency.record(() -> index.write(writes, refresh)),
            new BatchWriter.Listener() {
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
            },
            settings.retryBackoff(),
            settings.maxRetryBackoff(),
            running::get,
            java.time.Clock.systemUTC());
    registry.gauge("pantau.ingest.backlog", queue, BlockingQueue::size);
    registry.gauge(
        "pantau.ingest.journal.bytes", this, s -> s.journal == null ? 0 : s.journal.sizeBytes());
    registry.gauge(
        "pantau.ingest.journal.pending", this, s -> s.journal == null ? 0 : s.journal.pending());
    registry.gauge(
        "pantau.ingest.index.reachable",
        this,
        s -> Boolean.FALSE.equals(s.lastWriteReachedIndex) ? 0 : 1);
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
                  r.seq()));
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
    Instant now = Instant.now();
    List<CompletableFuture<ItemResult>> results = new ArrayList<>(raws.size());
    List<Job> jobs = new ArrayList<>();
    for (RawArticle raw : raws) {
      List<String> problems = validator.problems(raw);
      if (!problems.isEmpty()) {
        rejected.increment();
        results.add(
            CompletableFuture.completedFuture(
                ItemResult.rejected(null, String.join("; ", problems))));
        continue;
      }
      RawArticle r = raw.fetchedAt() == null ? raw.withFetchedAt(now) : raw;
      Job job = new Job(r, now, refresh, new CompletableFuture<>(), -1);
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
      accepted.increment(jobs.size());
      acceptedCount.addAndGet(jobs.size());
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
      noteError("journal write failed: " + e.getMessage());
      throw new IngestBusyException(
          "The articles could not be stored safely (the ingest journal could not be written);"
              + " nothing of this request was accepted; retry shortly.",
          RETRY_AFTER);
    }
    List<Job> out = new ArrayList<>(jobs.size());
    for (int i = 0; i < jobs.size(); i++) {
      Job j = jobs.get(i);
      out.add(new Job(j.raw(), j.acceptedAt(), j.refresh(), j.result(), seqs[i]));
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
    return prepare(r).write().article().article();
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
        acceptedCount.get(),
        indexedCount.get(),
        duplicateCount.get(),
        failedCount.get(),
        retryCount.get(),
        recoveredArticles,
        recoveryMillis,
        Optional.ofNullable(lastError.get()),
        reachable,
        writerState(),
        recentFailures());
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

  private List<IngestStatus.Failure> recentFailures() {
    synchronized (recentFailures) {
      return List.copyOf(recentFailures);
    }
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

  void onStop(@Observes ShutdownEvent event) {
    running.set(false);
    workers.forEach(Thread::interrupt);
  }

  private void work() {
    List<Job> batch = new ArrayList<>(settings.batchSize());
    while (running.get()) {
      try {
        batch.add(queue.take());
        queue.drainTo(batch, settings.batchSize() - 1);
        process(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("Ingest batch failed", e);
        for (Job j : batch) {
          if (!j.result().isDone()) {
            fail(j, null, "processing failed: " + e.getMessage());
          }
        }
      }
      // Interrupted (shutting down) batches return above and stay undone in the journal.
      done(batch);
      batch.clear();
    }
  }

  /** Frees the batch's room in the backlog and marks it done in the journal. */
  private void done(List<Job> batch) {
    capacity.release(batch.size());
    if (journal != null) {
      List<Long> seqs = new ArrayList<>(batch.size());
      for (Job j : batch) {
        if (j.seq() >= 0) {
          seqs.add(j.seq());
        }
      }
      journal.complete(seqs);
    }
  }

  private void process(List<Job> batch) throws InterruptedException {
    List<Prepared> prepared = new ArrayList<>(batch.size());
    boolean refresh = false;
    for (Job job : batch) {
      try {
        Prepared p = prepare(job.raw());
        if (p.write().searchText().isBlank()) {
          fail(job, p.write().id(), "no article text found");
          continue;
        }
        prepared.add(new Prepared(job, p.write(), p.full()));
        refresh |= job.refresh();
      } catch (RuntimeException e) {
        LOG.warnf(e, "Could not process an article from %s", job.raw().url());
        fail(job, null, "could not process the article: " + e.getMessage());
      }
    }
    if (prepared.isEmpty()) {
      return;
    }
    List<WriteOutcome> outcomes =
        writer.write(prepared.stream().map(Prepared::write).toList(), refresh);
    batchSizes.record(prepared.size());
    Instant done = Instant.now();
    for (int i = 0; i < prepared.size(); i++) {
      Prepared p = prepared.get(i);
      WriteOutcome o = outcomes.get(i);
      switch (o.status()) {
        case indexed -> {
          indexed.increment();
          indexedCount.incrementAndGet();
          ingestLatency.record(Duration.between(p.job().acceptedAt(), done));
          complete(p.job(), new ItemResult(o.id(), ItemResult.Status.indexed, null));
          // Listeners (alert matching) read the whole text, with the story the index assigned.
          Article storedArticle = o.stored().article();
          Article full =
              p.full().article().toBuilder()
                  .storyId(storedArticle.storyId())
                  .duplicateOf(storedArticle.duplicateOf())
                  .build();
          announce(
              new ArticleIndexed(
                  new EnrichedArticle(full, p.full().fingerprint()), p.job().acceptedAt()));
        }
        case duplicate -> {
          duplicates.increment();
          duplicateCount.incrementAndGet();
          complete(p.job(), new ItemResult(o.id(), ItemResult.Status.duplicate, null));
        }
        case failed -> fail(p.job(), o.id(), o.error());
      }
    }
  }

  /**
   * Tells listeners (alert matching) of a stored article. One listener's failure must not turn the
   * rest of the batch, already stored, into failures.
   */
  private void announce(ArticleIndexed event) {
    try {
      indexedEvent.fire(event);
    } catch (RuntimeException e) {
      LOG.errorf(e, "A listener failed on article %s", event.article().article().id());
    }
  }

  /**
   * An accepted article that will not be stored: its caller is answered if still waiting, and the
   * status lists it, so an article answered {@code queued} is never dropped without a word.
   */
  private void fail(Job job, String id, String reason) {
    failed.increment();
    failedCount.incrementAndGet();
    Instant now = Instant.now();
    noteError("article " + (id == null ? job.raw().url() : id) + " not indexed: " + reason);
    synchronized (recentFailures) {
      if (recentFailures.size() == RECENT_FAILURES) {
        recentFailures.removeFirst();
      }
      recentFailures.addLast(new IngestStatus.Failure(id, job.raw().url(), reason, now));
    }
    complete(job, ItemResult.rejected(id, reason));
  }

  private void noteError(String message) {
    lastError.set(new IngestStatus.LastError(message, Instant.now()));
  }

  private Prepared prepare(RawArticle raw) {
    Article cleaned = withinDates(cleaner.clean(raw));
    // The cleaner reports what the page claims; only a claim on the submitted URL's site is kept.
    String canonical =
        ArticleIdentity.identityUrl(cleaned.canonicalUrl(), cleaned.url()).orElse(null);
    Article identified =
        cleaned.toBuilder().canonicalUrl(canonical).ingested(Instant.now()).build();
    identified = identified.toBuilder().id(ArticleIdentity.idOf(identified)).build();
    EnrichedArticle enriched = enrichment.enrich(identified);
    String searchText = enriched.article().body() == null ? "" : enriched.article().body();
    // Enrichment reads the whole text; what is stored follows the rights policy.
    Article stored = storagePolicy.apply(enriched.article());
    return new Prepared(
        null,
        new IndexWrite(new EnrichedArticle(stored, enriched.fingerprint()), searchText),
        enriched);
  }

  /**
   * The cleaned article with a publication time Pantau believes. The caller's date was checked at
   * the door; one the cleaner found in the page (metadata such as {@code article:published_time},
   * date lines, relative phrases) is content anyone can write, so outside the window it counts as
   * unknown: the fetch time stands in, marked estimated, as when a page names no date.
   */
  private Article withinDates(Article a) {
    Instant now = Instant.now();
    if (a.published() == null || dates.contains(a.published(), now)) {
      return a;
    }
    Instant fetched = a.fetched() != null && dates.contains(a.fetched(), now) ? a.fetched() : now;
    LOG.debugf(
        "Publication time %s of %s is outside the accepted dates; using %s",
        a.published(), a.url(), fetched);
    return a.toBuilder().published(fetched).publishedPrecision(DatePrecision.estimated).build();
  }

  private static StoragePolicy parsePolicy(String name) {
    try {
      return StoragePolicy.valueOf(name.trim().toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "pantau.ingest.rights-policy must be full, snippet or none, not " + name, e);
    }
  }

  private static void complete(Job job, ItemResult result) {
    job.result().complete(result);
  }
}
