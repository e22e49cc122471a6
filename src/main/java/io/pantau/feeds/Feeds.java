package io.pantau.feeds;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pantau.article.RawArticle;
import io.pantau.config.PantauConfig;
import io.pantau.ingest.IngestBusyException;
import io.pantau.ingest.IngestService;
import io.pantau.ingest.ItemResult;
import io.pantau.outbound.FetchException;
import io.pantau.outbound.FetchResult;
import io.pantau.outbound.PageFetcher;
import io.pantau.outbound.Validators;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The feeds feature: registering feeds and polling them into articles.
 *
 * <p>Database work happens in short transactions of its own; fetching and ingesting happen between
 * them, so that a slow site never holds a connection or a lock. One feed is polled by one caller at
 * a time.
 */
@ApplicationScoped
public class Feeds {
  private static final Logger LOG = Logger.getLogger(Feeds.class);
  private static final int MAX_POLL_MINUTES = 7 * 24 * 60;
  private static final int MAX_ERROR_CHARS = 1000;

  private final PageFetcher fetcher;
  private final IngestService ingest;
  private final PantauConfig.Feeds settings;
  private final FeedParser parser;
  private final ItemArticles articles;
  private final Clock clock;
  private final Set<Long> polling = ConcurrentHashMap.newKeySet();
  private final Counter pollsOk;
  private final Counter pollsUnchanged;
  private final Counter pollsFailed;
  private final Counter newItems;
  private final Counter fallbacks;

  @Inject
  Feeds(
      PageFetcher fetcher,
      IngestService ingest,
      PantauConfig config,
      ObjectMapper json,
      MeterRegistry registry) {
    this.fetcher = fetcher;
    this.ingest = ingest;
    this.settings = config.feeds();
    this.parser = new FeedParser(json);
    this.articles = new ItemArticles(fetcher);
    this.clock = Clock.systemUTC();
    this.pollsOk = polls(registry, "ok");
    this.pollsUnchanged = polls(registry, "not_modified");
    this.pollsFailed = polls(registry, "failed");
    this.newItems =
        Counter.builder("pantau.feeds.items.new")
            .description("Feed items not seen before, taken for ingest")
            .register(registry);
    this.fallbacks =
        Counter.builder("pantau.feeds.page.fallbacks")
            .description("Feed items ingested from the feed's content because the page was not had")
            .register(registry);
  }

  private static Counter polls(MeterRegistry registry, String outcome) {
    return Counter.builder("pantau.feeds.polls")
        .description("Feed polls by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  /**
   * Registers a feed after fetching it once to see that it is one. It is first polled when the
   * scheduler next runs (or through {@link #poll}).
   *
   * @param url the feed's absolute http or https address
   * @param source the source name for its articles; null for the feed's host
   * @param pollMinutes minutes between polls; null for pantau.feeds.default-poll-minutes
   * @throws FeedException invalid for a bad URL, a refused address, an unreachable URL or a
   *     document that is not a feed; conflict when the URL is already registered
   */
  public FeedStatus register(String url, String source, Integer pollMinutes) {
    URI uri = parseUrl(url);
    String name = source == null || source.isBlank() ? defaultSource(uri) : source.trim();
    if (name.length() > 200) {
      throw new FeedException(FeedException.Kind.invalid, "source is longer than 200 characters.");
    }
    int minutes = pollMinutes == null ? settings.defaultPollMinutes() : pollMinutes;
    if (minutes < 1 || minutes > MAX_POLL_MINUTES) {
      throw new FeedException(
          FeedException.Kind.invalid,
          "pollMinutes must be between 1 and " + MAX_POLL_MINUTES + ".");
    }
    String key = uri.toString();
    if (QuarkusTransaction.requiringNew().call(() -> Feed.findByUrl(key).isPresent())) {
      throw conflict(key);
    }
    ParsedFeed parsed;
    try {
      FetchResult r = fetcher.fetch(uri, Validators.NONE, PageFetcher.ACCEPT_FEED);
      parsed = parser.parse(r.body(), r.contentType(), r.uri());
    } catch (FetchException e) {
      throw new FeedException(
          FeedException.Kind.invalid,
          (e.reason() == FetchException.Reason.refused
                  ? "The feed address is refused: "
                  : "The feed could not be fetched: ")
              + e.getMessage());
    } catch (NotAFeedException e) {
      throw new FeedException(
          FeedException.Kind.invalid, "The URL is not a feed: " + e.getMessage() + ".");
    }
    Instant now = clock.instant();
    try {
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                Feed f = new Feed();
                f.url = key;
                f.title = truncate(parsed.title(), 1000);
                f.source = name;
                f.enabled = true;
                f.pollMinutes = minutes;
                f.createdAt = now;
                f.nextPollAt = now;
                f.persist();
                return FeedStatus.of(f);
              });
    } catch (RuntimeException e) {
      // Two registrations of one URL at once: the unique constraint lets one of them win.
      if (QuarkusTransaction.requiringNew().call(() -> Feed.findByUrl(key).isPresent())) {
        throw conflict(key);
      }
      throw e;
    }
  }

  /** Every registered feed with its status, oldest first. */
  public List<FeedStatus> list() {
    return QuarkusTransaction.requiringNew()
        .call(() -> Feed.<Feed>list("order by id").stream().map(FeedStatus::of).toList());
  }

  /** One feed with its status. */
  public Optional<FeedStatus> find(long id) {
    return QuarkusTransaction.requiringNew()
        .call(() -> Feed.<Feed>findByIdOptional(id).map(FeedStatus::of));
  }

  /** Removes a feed and its memory of seen items; its articles stay. False when there was none. */
  public boolean delete(long id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              SeenItem.delete("feedId", id);
              return Feed.delete("id", id) > 0;
            });
  }

  /**
   * Polls one feed now, whether or not it is due.
   *
   * @param refresh make the new articles searchable before returning
   * @throws FeedException notFound, or busy when the feed is being polled already
   */
  public PollReport poll(long id, boolean refresh) {
    if (!polling.add(id)) {
      throw new FeedException(
          FeedException.Kind.busy, "Feed " + id + " is being polled right now; retry shortly.");
    }
    try {
      Feed snapshot =
          QuarkusTransaction.requiringNew()
              .call(() -> Feed.<Feed>findByIdOptional(id).map(Feeds::detachedCopy))
              .orElseThrow(
                  () ->
                      new FeedException(
                          FeedException.Kind.notFound, "No feed with id " + id + "."));
      return pollOnce(snapshot, refresh);
    } finally {
      polling.remove(id);
    }
  }

  /** Polls every enabled feed that is due; the scheduler calls this. Returns how many it polled. */
  public int pollDue() {
    Instant now = clock.instant();
    List<Long> due =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Feed.<Feed>list(
                            "enabled = true and (nextPollAt is null or nextPollAt <= ?1) order by nextPollAt",
                            now)
                        .stream()
                        .map(f -> f.id)
                        .toList());
    int polled = 0;
    for (Long id : due) {
      try {
        PollReport r = poll(id, false);
        polled++;
        if (r.error() != null) {
          LOG.infof("Feed %d failed: %s", id, r.error());
        }
      } catch (FeedException e) {
        // Deleted meanwhile, or being polled by hand: nothing to do this round.
        LOG.debugf("Feed %d skipped: %s", id, e.getMessage());
      }
    }
    return polled;
  }

  private PollReport pollOnce(Feed feed, boolean refresh) {
    Instant started = clock.instant();
    try {
      FetchResult r =
          fetcher.fetch(
              URI.create(feed.url),
              new Validators(feed.etag, feed.lastModified),
              PageFetcher.ACCEPT_FEED);
      if (r.notModified()) {
        pollsUnchanged.increment();
        recordSuccess(feed.id, started, r.validators(), null, List.of(), 0, false);
        return PollReport.unchanged(feed.id);
      }
      ParsedFeed parsed = parser.parse(r.body(), r.contentType(), r.uri());
      return ingestNew(feed, parsed, r.validators(), started, refresh);
    } catch (FetchException | NotAFeedException | IngestBusyException e) {
      pollsFailed.increment();
      String error = e.getMessage();
      recordFailure(feed.id, started, error);
      return PollReport.failed(feed.id, error);
    } catch (RuntimeException e) {
      // A bug or a database hiccup must still count against this feed, not stop the round.
      LOG.warnf(e, "Polling feed %d failed unexpectedly", feed.id);
      pollsFailed.increment();
      String error = "internal error while polling; see the log";
      recordFailure(feed.id, started, error);
      return PollReport.failed(feed.id, error);
    }
  }

  private PollReport ingestNew(
      Feed feed, ParsedFeed parsed, Validators validators, Instant started, boolean refresh) {
    Set<String> seen = QuarkusTransaction.requiringNew().call(() -> SeenItem.keysOf(feed.id));
    List<FeedItem> fresh = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (FeedItem item : parsed.items()) {
      String key = item.key();
      if (!seen.contains(key) && keys.add(key)) {
        fresh.add(item);
      }
    }
    int deferred = Math.max(0, fresh.size() - settings.maxNewItemsPerPoll());
    List<FeedItem> taken = fresh.subList(0, fresh.size() - deferred);
    List<RawArticle> raws = new ArrayList<>();
    int fallbackCount = 0;
    int skipped = 0;
    for (FeedItem item : taken) {
      Optional<ItemArticles.Taken> t = articles.take(item, feed.source, clock.instant());
      if (t.isEmpty()) {
        skipped++;
      } else {
        raws.add(t.get().raw());
        if (!t.get().fromPage()) {
          fallbackCount++;
        }
      }
    }
    List<CompletableFuture<ItemResult>> futures =
        raws.isEmpty() ? List.of() : ingest.submit(raws, refresh, ingest.syncWait());
    List<ItemResult> results = IngestService.await(futures, ingest.syncWait());
    int indexed = 0;
    int duplicates = 0;
    int rejected = 0;
    int queued = 0;
    for (ItemResult res : results) {
      switch (res.status()) {
        case indexed -> indexed++;
        case duplicate -> duplicates++;
        case rejected -> rejected++;
        case queued -> queued++;
      }
    }
    pollsOk.increment();
    newItems.increment(taken.size());
    fallbacks.increment(fallbackCount);
    List<String> takenKeys = taken.stream().map(FeedItem::key).toList();
    // Items left over must be seen next time: keep the old validators so the feed is read again.
    recordSuccess(
        feed.id,
        started,
        deferred > 0 ? new Validators(feed.etag, feed.lastModified) : validators,
        parsed.title(),
        takenKeys,
        indexed,
        deferred > 0);
    return new PollReport(
        feed.id,
        false,
        parsed.items().size(),
        taken.size(),
        deferred,
        indexed,
        duplicates,
        rejected,
        queued,
        fallbackCount,
        skipped,
        null);
  }

  private void recordSuccess(
      long id,
      Instant at,
      Validators validators,
      String title,
      List<String> takenKeys,
      int itemsIngested,
      boolean soon) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Feed f = Feed.findById(id);
              if (f == null) {
                return;
              }
              Instant now = clock.instant();
              for (String key : takenKeys) {
                SeenItem s = new SeenItem();
                s.feedId = id;
                s.itemKey = key;
                s.seenAt = now;
                s.persist();
              }
              if (!takenKeys.isEmpty()) {
                SeenItem.flush();
                SeenItem.prune(id, settings.seenMemory());
              }
              f.etag = truncate(validators.etag(), 1000);
              f.lastModified = truncate(validators.lastModified(), 100);
              if (title != null) {
                f.title = truncate(title, 1000);
              }
              f.lastPolledAt = at;
              f.lastSuccessAt = at;
              f.nextPollAt = soon ? now : now.plus(Duration.ofMinutes(f.pollMinutes));
              f.itemsSeen += takenKeys.size();
              f.itemsIngested += itemsIngested;
              f.consecutiveErrors = 0;
              f.lastError = null;
            });
  }

  private void recordFailure(long id, Instant at, String error) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Feed f = Feed.findById(id);
              if (f == null) {
                return;
              }
              f.lastPolledAt = at;
              f.errorCount++;
              f.consecutiveErrors++;
              f.lastError = truncate(error, MAX_ERROR_CHARS);
              f.nextPollAt =
                  at.plus(backoff(Duration.ofMinutes(f.pollMinutes), f.consecutiveErrors));
            });
  }

  /** The wait after {@code errors} failures in a row: the interval doubled per error, capped. */
  Duration backoff(Duration interval, int errors) {
    Duration cap = settings.maxBackoff();
    Duration wait = interval;
    for (int i = 1; i < errors && wait.compareTo(cap) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(cap) > 0 ? cap : wait;
  }

  private static Feed detachedCopy(Feed f) {
    Feed c = new Feed();
    c.id = f.id;
    c.url = f.url;
    c.source = f.source;
    c.etag = f.etag;
    c.lastModified = f.lastModified;
    c.pollMinutes = f.pollMinutes;
    return c;
  }

  private static URI parseUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new FeedException(FeedException.Kind.invalid, "url is required.");
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (java.net.URISyntaxException e) {
      throw new FeedException(FeedException.Kind.invalid, "url is not a valid URL.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new FeedException(
          FeedException.Kind.invalid, "url must be an absolute http or https URL.");
    }
    if (url.trim().length() > 2048) {
      throw new FeedException(FeedException.Kind.invalid, "url is longer than 2048 characters.");
    }
    return uri;
  }

  private static String defaultSource(URI uri) {
    return uri.getHost().toLowerCase(Locale.ROOT);
  }

  private static FeedException conflict(String url) {
    return new FeedException(
        FeedException.Kind.conflict, "The feed " + url + " is already registered.");
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
