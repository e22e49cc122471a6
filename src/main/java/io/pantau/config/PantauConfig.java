package io.pantau.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** All of Pantau's own settings, under the {@code pantau} prefix. */
@ConfigMapping(prefix = "pantau")
public interface PantauConfig {

  /** Everything Pantau keeps on disk: embedded Elasticsearch, H2 database, generated keys. */
  @WithDefault("data")
  Path dataDir();

  Elasticsearch elasticsearch();

  Index index();

  Ingest ingest();

  Seeds seeds();

  Security security();

  Outbound outbound();

  Alerts alerts();

  /** Connections Pantau makes to URLs that users give it (feeds, pages, webhooks). */
  interface Outbound {
    /** Allow private, loopback and link-local addresses (tests and closed networks only). */
    @WithDefault("false")
    boolean allowPrivateNetworks();

    /** Largest response accepted, in bytes, both as sent and after gzip decompression. */
    @WithDefault("5242880")
    long maxBytes();

    /** How long to wait for a TCP connection. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** Deadline of one request, from sending it to the last byte of the answer. */
    @WithDefault("30s")
    Duration timeout();

    /** The User-Agent sent with every request; its first word is the robots.txt token. */
    @WithDefault("Pantau/0.1 (media monitoring; feed and page fetcher)")
    String userAgent();

    /** How long a host's robots.txt is trusted before it is fetched again. */
    @WithDefault("1h")
    Duration robotsTtl();
  }

  /** The Elasticsearch connection and the embedded node. */
  interface Elasticsearch {
    /**
     * Force the embedded node on (true) or off (false). Unset: embedded exactly when {@code
     * quarkus.elasticsearch.hosts} is not set.
     */
    Optional<Boolean> embedded();

    /** The integ-test zip to launch; unset: the copy the build put in target/elasticsearch. */
    Optional<Path> distribution();

    /** Heap of the embedded node. */
    @WithDefault("512m")
    String heap();

    /** HTTP port tried first for the embedded node; a free one is picked when taken. */
    @WithDefault("9200")
    int port();

    /** How long to wait for the embedded node to become healthy. */
    @WithDefault("180s")
    Duration startTimeout();

    /** Socket timeout of requests to Elasticsearch. */
    @WithDefault("60s")
    Duration requestTimeout();

    /**
     * API key to log in with instead of {@code quarkus.elasticsearch.username}/{@code password}:
     * the {@code encoded} value Elasticsearch returns when the key is made, or {@code id:api_key}.
     */
    Optional<String> apiKey();

    /**
     * PEM file of the CA that signed the cluster's HTTP certificate ({@code
     * config/certs/http_ca.crt} on a node that set itself up); unset: the JVM's trusted CAs.
     */
    Optional<String> caCertificate();

    /**
     * SHA-256 fingerprint of that CA certificate, as Elasticsearch 8 prints it at first start (64
     * hex digits; colons allowed), instead of the file.
     */
    Optional<String> caFingerprint();
  }

  /** The article index. */
  interface Index {
    /** Primary shards of each article index. */
    @WithDefault("1")
    int shards();

    /** Replicas of each article index; unset: 0 on the embedded node, 1 on a cluster. */
    Optional<Integer> replicas();

    /** How articles are partitioned into indices by publication time: year or month. */
    @WithDefault("year")
    String partition();

    /**
     * How often new articles become searchable (Elasticsearch's {@code refresh_interval}). Each
     * refresh writes a segment that merges later; at the ingest rates of a two-core machine one
     * refresh a second made Elasticsearch spend more on refreshing and merging than on indexing.
     */
    @WithDefault("5s")
    String refreshInterval();

    /**
     * Longest time a search or an analytics request may run in Elasticsearch (its {@code timeout}).
     * One that runs out answers 400 asking to narrow the query, rather than a partial result.
     */
    @WithDefault("30s")
    String searchTimeout();

    /**
     * Whether articles indexed before the current search fields (stems) are brought up to date in
     * the background after start ({@code io.pantau.index.SearchTextMigration}).
     */
    @WithDefault("true")
    boolean migrateOnStart();
  }

  /** Accepting and processing articles. */
  interface Ingest {
    /** Articles written to Elasticsearch in one bulk request. */
    @WithDefault("500")
    int batchSize();

    /** Articles waiting to be processed before new ones are refused with 429. */
    @WithDefault("20000")
    int queueCapacity();

    /** Threads that clean, enrich and index. */
    @WithDefault("2")
    int workers();

    /** How long a POST waits for its articles to be indexed before answering 202 queued. */
    @WithDefault("30s")
    Duration syncWait();

    /**
     * What is stored of an article whose rights notice forbids automated or AI use: full, snippet
     * or none. It is counted, analysed and matched in full either way.
     */
    @WithDefault("snippet")
    String rightsPolicy();

    /** Largest article text (body or html) accepted, in characters. */
    @WithDefault("2000000")
    int maxTextChars();

    /**
     * Persist accepted articles in the journal ({@code <data-dir>/journal}) before answering, so
     * none is lost to a crash or an Elasticsearch outage. Off: an in-memory queue only.
     */
    @WithDefault("true")
    boolean journal();

    /** Journal size, in bytes, beyond which new articles are refused with 429. */
    @WithDefault("1073741824")
    long journalMaxBytes();

    /** Size, in bytes, after which the journal starts a new segment file. */
    @WithDefault("67108864")
    long journalSegmentBytes();

    /** Wait before the first retry of a failed index write; it doubles with each further one. */
    @WithDefault("500ms")
    Duration retryBackoff();

    /** Longest wait between retries of an index write (they go on until Elasticsearch is back). */
    @WithDefault("30s")
    Duration maxRetryBackoff();

    /**
     * Earliest publication or fetch date accepted (ISO date). A caller's {@code published} or
     * {@code fetchedAt} before it is rejected; a date read from the page itself is treated as
     * unknown. Bounds the time partitions that input can create.
     */
    @WithDefault("1990-01-01")
    LocalDate publishedEarliest();

    /** How far past now a publication or fetch date may lie; later ones are treated alike. */
    @WithDefault("P365D")
    Duration publishedAhead();

    /**
     * How long an index write may go on failing before the writer counts as stuck: readiness goes
     * DOWN and the ingest status says so.
     */
    @WithDefault("2m")
    Duration stuckAfter();

    /**
     * At shutdown, how long the workers go on with the articles already queued before they stop;
     * what is left stays in the journal and is processed at the next start.
     */
    @WithDefault("10s")
    Duration drainOnStop();
  }

  /** The sample data loaded into an empty index. */
  interface Seeds {
    /** Load {@link #dir()} when the index is empty at start (embedded default only, unless set). */
    Optional<Boolean> loadOnEmpty();

    /** The seeds folder. */
    @WithDefault("seeds")
    Path dir();
  }

  /** API keys. */
  interface Security {
    /** Keys set in configuration: {@code pantau.security.keys.<name>.key} and {@code .role}. */
    Map<String, ConfiguredKey> keys();

    /** Generate an admin key into {@code <data-dir>/admin.key} when no admin key exists. */
    @WithDefault("true")
    boolean generateAdminKey();

    /**
     * Most key checks remembered, for valid and for wrong keys each (least recently used dropped
     * first), so that neither a busy key nor a flood of wrong ones costs a lookup per request.
     */
    @WithDefault("10000")
    int keyCacheSize();

    /** How long a key check is remembered; a revoked key is forgotten at once. */
    @WithDefault("30s")
    Duration keyCacheTtl();

    /**
     * Wrong keys one client address may send per {@link #authFailureWindow()}; beyond that its
     * requests with a key that has not worked from it before get 429 with {@code Retry-After} until
     * the window ends. Keys that did work from it go on working. IPv6 addresses count per /64.
     * Behind a reverse proxy, set {@code quarkus.http.proxy.proxy-address-forwarding=true} (and
     * {@code quarkus.http.proxy.trusted-proxies}) so that each client is counted apart.
     */
    @WithDefault("20")
    int maxAuthFailures();

    /**
     * The window in which {@link #maxAuthFailures()} are counted, from an address's first failure.
     */
    @WithDefault("1m")
    Duration authFailureWindow();

    /** Most client addresses whose failures are counted at once (least recently seen dropped). */
    @WithDefault("10000")
    int trackedAddresses();
  }

  /** One key from configuration. */
  interface ConfiguredKey {
    /** The secret sent in X-API-Key. */
    String key();

    /** viewer, editor or admin. */
    @WithDefault("viewer")
    String role();
  }

  /** The materialised daily trends (the {@code pantau-trends} index). */
  Trends trends();

  /** The job that rolls articles up into daily trend documents for dashboards. */
  interface Trends {
    /**
     * When the job runs, as a Quartz cron expression (UTC); {@code off} disables it. Each run
     * recomputes the last {@link #lookbackDays()} days, since articles arrive late.
     */
    @WithDefault("0 20 * * * ?")
    String cron();

    /** Days recomputed by each run, counting today (UTC). */
    @WithDefault("2")
    int lookbackDays();

    /** Terms of each kind (keyword, source, person, organization, place) kept per day. */
    @WithDefault("100")
    int termsPerDay();
  }

  Feeds feeds();

  /** Polling RSS, Atom and JSON feeds and ingesting the articles they link to. */
  interface Feeds {
    /** How often the scheduler looks for feeds that are due ({@code off} disables it). */
    @WithDefault("60s")
    String pollEvery();

    /** Poll interval of a feed registered without pollMinutes. */
    @WithDefault("15")
    int defaultPollMinutes();

    /** New items taken from one feed in one poll; the rest wait for the next poll. */
    @WithDefault("50")
    int maxNewItemsPerPoll();

    /** Item links or GUIDs remembered per feed, so that unchanged items are not fetched again. */
    @WithDefault("2000")
    int seenMemory();

    /** Longest wait between polls of a feed that keeps failing. */
    @WithDefault("24h")
    Duration maxBackoff();
  }

  /** Alert evaluation and delivery. */
  interface Alerts {
    /** How often volume_spike and sentiment_shift rules are evaluated. */
    @WithDefault("5m")
    Duration evaluateEvery();

    /** How often digests whose time has come are sent. */
    @WithDefault("30s")
    Duration digestCheckEvery();

    /** Delivery attempts per notification and channel before it is marked failed. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait before the second attempt; it doubles with each further one (at most 10 minutes). */
    @WithDefault("2s")
    Duration retryBackoff();

    /** Connect and response timeout of a webhook call. */
    @WithDefault("10s")
    Duration webhookTimeout();

    /**
     * At shutdown, how long matching and first delivery attempts may go on before the database
     * closes. Articles not matched by then stay undone in the ingest journal and are matched at the
     * next start.
     */
    @WithDefault("10s")
    Duration drainOnStop();
  }

  Reports reports();

  /** Coverage reports and their schedules. */
  interface Reports {
    /** Articles read from Elasticsearch per request while a report streams. */
    @WithDefault("1000")
    int pageSize();

    /** Most articles listed in a PDF report; CSV and XLSX list every one. */
    @WithDefault("500")
    int pdfMaxArticles();

    /** Run saved report schedules on their cron; false: they run only when asked to. */
    @WithDefault("true")
    boolean schedulesEnabled();
  }
}
