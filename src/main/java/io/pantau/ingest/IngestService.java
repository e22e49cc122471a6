package io.pantau.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pantau.article.Article;
import io.pantau.article.ArticleIndexed;
import io.pantau.article.EnrichedArticle;
import io.pantau.article.RawArticle;
import io.pantau.config.PantauConfig;
import io.pantau.enrich.Enrichment;
import io.pantau.index.ArticleIndex;
import io.pantau.index.IndexUnavailableException;
import io.pantau.index.IndexWrite;
import io.pantau.index.WriteOutcome;
import io.pantau.ingest.clean.ArticleCleaner;
import io.pantau.ingest.clean.StoragePolicy;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Accepts raw articles and sees them through cleaning, enrichment and indexing.
 *
 * <p>Accepting is cheap and bounded: an article is validated and queued, or the caller is told the
 * backlog is full. Worker threads take queued articles in batches, so Elasticsearch sees bulk
 * requests of {@code pantau.ingest.batch-size}, and complete each article's future with what became
 * of it.
 */
@ApplicationScoped
public class IngestService {
  private static final Logger LOG = Logger.getLogger(IngestService.class);
  private static final int MAX_INDEX_ATTEMPTS = 6;

  private final ArticleCleaner cleaner = new ArticleCleaner();
  private final Enrichment enrichment = Enrichment.standard();
  private final ArticleIndex index;
  private final Event<ArticleIndexed> indexedEvent;
  private final PantauConfig.Ingest settings;
  private final RawArticleValidator validator;
  private final StoragePolicy storagePolicy;
  private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
  private final Semaphore capacity;
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> workers = new ArrayList<>();

  private final Counter indexed;
  private final Counter duplicates;
  private final Counter rejected;
  private final Counter failed;
  private final DistributionSummary batchSizes;
  private final Timer indexLatency;
  private final Timer ingestLatency;

  private record Job(
      RawArticle raw, Instant acceptedAt, boolean refresh, CompletableFuture<ItemResult> result) {}

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
    this.validator = new RawArticleValidator(settings.maxTextChars());
    this.storagePolicy = parsePolicy(settings.rightsPolicy());
    this.capacity = new Semaphore(settings.queueCapacity());
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
    registry.gauge("pantau.ingest.backlog", queue, BlockingQueue::size);
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
    startWorkers();
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
      Job job = new Job(r, now, refresh, new CompletableFuture<>());
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
                + " articles); retry shortly.",
            Duration.ofSeconds(5));
      }
      queue.addAll(jobs);
    }
    return results;
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
        batch.forEach(
            j -> complete(j, ItemResult.rejected(null, "processing failed: " + e.getMessage())));
      } finally {
        capacity.release(batch.size());
        batch.clear();
      }
    }
  }

  private void process(List<Job> batch) throws InterruptedException {
    List<Prepared> prepared = new ArrayList<>(batch.size());
    boolean refresh = false;
    for (Job job : batch) {
      try {
        Prepared p = prepare(job.raw());
        if (p.write().searchText().isBlank()) {
          failed.increment();
          complete(job, ItemResult.rejected(p.write().id(), "no article text found"));
          continue;
        }
        prepared.add(new Prepared(job, p.write(), p.full()));
        refresh |= job.refresh();
      } catch (RuntimeException e) {
        LOG.warnf(e, "Could not process an article from %s", job.raw().url());
        failed.increment();
        complete(
            job, ItemResult.rejected(null, "could not process the article: " + e.getMessage()));
      }
    }
    if (prepared.isEmpty()) {
      return;
    }
    List<WriteOutcome> outcomes =
        writeWithRetry(prepared.stream().map(Prepared::write).toList(), refresh);
    batchSizes.record(prepared.size());
    Instant done = Instant.now();
    for (int i = 0; i < prepared.size(); i++) {
      Prepared p = prepared.get(i);
      WriteOutcome o = outcomes.get(i);
      switch (o.status()) {
        case indexed -> {
          indexed.increment();
          ingestLatency.record(Duration.between(p.job().acceptedAt(), done));
          complete(p.job(), new ItemResult(o.id(), ItemResult.Status.indexed, null));
          // Listeners (alert matching) read the whole text, with the story the index assigned.
          Article storedArticle = o.stored().article();
          Article full =
              p.full().article().toBuilder()
                  .storyId(storedArticle.storyId())
                  .duplicateOf(storedArticle.duplicateOf())
                  .build();
          indexedEvent.fire(
              new ArticleIndexed(
                  new EnrichedArticle(full, p.full().fingerprint()), p.job().acceptedAt()));
        }
        case duplicate -> {
          duplicates.increment();
          complete(p.job(), new ItemResult(o.id(), ItemResult.Status.duplicate, null));
        }
        case failed -> {
          failed.increment();
          complete(p.job(), ItemResult.rejected(o.id(), o.error()));
        }
      }
    }
  }

  private List<WriteOutcome> writeWithRetry(List<IndexWrite> writes, boolean refresh)
      throws InterruptedException {
    long backoffMs = 500;
    for (int attempt = 1; ; attempt++) {
      try {
        return indexLatency.recordCallable(() -> index.write(writes, refresh));
      } catch (IndexUnavailableException e) {
        if (attempt >= MAX_INDEX_ATTEMPTS) {
          LOG.errorf("Giving up on a batch of %d articles: %s", writes.size(), e.getMessage());
          return writes.stream().map(w -> WriteOutcome.failed(w.id(), e.getMessage())).toList();
        }
        LOG.warnf(
            "Indexing failed (attempt %d), retrying in %d ms: %s",
            attempt, backoffMs, e.getMessage());
        Thread.sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 15_000);
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private Prepared prepare(RawArticle raw) {
    Article cleaned = cleaner.clean(raw);
    String canonical =
        cleaned.canonicalUrl() != null
            ? cleaned.canonicalUrl()
            : ArticleIdentity.canonicalUrl(cleaned.url()).orElse(null);
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
