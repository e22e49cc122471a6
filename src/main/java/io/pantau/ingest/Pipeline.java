package io.pantau.ingest;

import io.pantau.article.Article;
import io.pantau.article.ArticleIndexed;
import io.pantau.article.DatePrecision;
import io.pantau.article.EnrichedArticle;
import io.pantau.article.Followup;
import io.pantau.article.RawArticle;
import io.pantau.clean.ArticleCleaner;
import io.pantau.enrich.Enrichment;
import io.pantau.index.IndexWrite;
import io.pantau.index.WriteOutcome;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * What becomes of each accepted article: cleaned, dated within the accepted window, given its
 * identity, enriched, cut to the rights policy, and handed in batches to the {@link BatchWriter};
 * then each caller is answered and each stored article announced with {@link ArticleIndexed}. An
 * article replayed from the journal that turns out stored already is announced again, with the
 * story it was stored under: the crash that left it undone may have come before its listeners
 * finished with it.
 *
 * <p>Runs on the ingest workers of {@link IngestService}, which own the queue and the journal.
 */
final class Pipeline {
  // Logged under the ingest service's name, as operators filter on it.
  private static final Logger LOG = Logger.getLogger(IngestService.class);

  private final ArticleCleaner cleaner = new ArticleCleaner();
  private final Enrichment enrichment = Enrichment.standard();
  private final DateWindow dates;
  private final StoragePolicy storagePolicy;
  private final BatchWriter writer;
  private final IngestMetrics metrics;
  private final Event<ArticleIndexed> indexedEvent;
  private final StoredArticles stored;

  /** Reads the stored copies of articles by id (the index, in production). */
  interface StoredArticles {
    Map<String, Article> get(List<String> ids);
  }

  /**
   * One accepted article.
   *
   * @param seq its journal sequence number, or -1 without a journal
   * @param replayed read back from the journal at start
   */
  record Job(
      RawArticle raw,
      Instant acceptedAt,
      boolean refresh,
      CompletableFuture<ItemResult> result,
      long seq,
      boolean replayed) {}

  /** An article ready to write: what is stored, and the whole enriched article for listeners. */
  private record Prepared(Job job, IndexWrite write, EnrichedArticle full) {}

  Pipeline(
      DateWindow dates,
      StoragePolicy storagePolicy,
      BatchWriter writer,
      IngestMetrics metrics,
      Event<ArticleIndexed> indexedEvent,
      StoredArticles stored) {
    this.stored = stored;
    this.dates = dates;
    this.storagePolicy = storagePolicy;
    this.writer = writer;
    this.metrics = metrics;
    this.indexedEvent = indexedEvent;
  }

  /** The storage policy {@code pantau.ingest.rights-policy} names. */
  static StoragePolicy parsePolicy(String name) {
    try {
      return StoragePolicy.valueOf(name.trim().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "pantau.ingest.rights-policy must be full, snippet or none, not " + name, e);
    }
  }

  /** The article as it would be stored, without storing it; the caller has validated it. */
  Article preview(RawArticle raw) {
    return prepare(raw).write().article().article();
  }

  /**
   * Prepares and writes a batch, answers each of its articles and announces the stored ones; the
   * listeners that finish with them later share {@code followup}.
   *
   * @throws InterruptedException when ingest is stopping; the batch stays undone in the journal
   */
  void process(List<Job> batch, Followup followup) throws InterruptedException {
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
    metrics.batch(prepared.size());
    Instant done = Instant.now();
    List<Prepared> replayedDuplicates = new ArrayList<>();
    for (int i = 0; i < prepared.size(); i++) {
      Prepared p = prepared.get(i);
      WriteOutcome o = outcomes.get(i);
      switch (o.status()) {
        case indexed -> {
          metrics.indexed(Duration.between(p.job().acceptedAt(), done));
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
                  new EnrichedArticle(full, p.full().fingerprint()),
                  p.job().acceptedAt(),
                  followup));
        }
        case duplicate -> {
          metrics.duplicate();
          complete(p.job(), new ItemResult(o.id(), ItemResult.Status.duplicate, null));
          if (p.job().replayed()) {
            replayedDuplicates.add(p);
          }
        }
        case failed -> fail(p.job(), o.id(), o.error());
      }
    }
    if (!replayedDuplicates.isEmpty()) {
      announceAgain(replayedDuplicates, followup);
    }
  }

  /**
   * Announces replayed articles found stored already, each with the story it was stored under, so
   * that a listener's story check sees the story it saw the first time. Should the stored copy not
   * be found, the article is its own story.
   */
  private void announceAgain(List<Prepared> replayed, Followup followup) {
    Map<String, Article> copies;
    try {
      copies = stored.get(replayed.stream().map(p -> p.write().id()).toList());
    } catch (RuntimeException e) {
      LOG.warnf("Could not read the stored copies of %d replayed articles: %s", replayed.size(), e);
      copies = Map.of();
    }
    for (Prepared p : replayed) {
      Article copy = copies.get(p.write().id());
      Article full =
          copy == null
              ? p.full().article()
              : p.full().article().toBuilder()
                  .storyId(copy.storyId())
                  .duplicateOf(copy.duplicateOf())
                  .build();
      announce(
          new ArticleIndexed(
              new EnrichedArticle(full, p.full().fingerprint()), p.job().acceptedAt(), followup));
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
  void fail(Job job, String id, String reason) {
    metrics.failed(id, job.raw().url(), reason);
    complete(job, ItemResult.rejected(id, reason));
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

  private static void complete(Job job, ItemResult result) {
    job.result().complete(result);
  }
}
