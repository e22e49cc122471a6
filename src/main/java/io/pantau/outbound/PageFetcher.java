package io.pantau.outbound;

import io.pantau.config.PantauConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Fetches feeds and pages from URLs that users gave Pantau, as a polite and careful client.
 *
 * <p>Every URL, and every redirect target, passes {@link OutboundGuard} and the host's robots.txt
 * first, and is then fetched from exactly the address the guard checked (robots.txt too); redirects
 * are followed by hand (at most {@value #MAX_REDIRECTS}) so that none of them escapes those checks.
 * Answers are bounded in time and in size, gzip included, so that a slow, endless or
 * compressed-bomb answer fails cleanly instead of holding a thread or the heap.
 */
@ApplicationScoped
public class PageFetcher {
  /** Redirects followed before giving up. */
  static final int MAX_REDIRECTS = 5;

  /** What Pantau asks for when it fetches an article page. */
  public static final String ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";

  /** What Pantau asks for when it fetches a feed. */
  public static final String ACCEPT_FEED =
      "application/rss+xml,application/atom+xml,application/feed+json,"
          + "application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,*/*;q=0.5";

  /** How long a robots.txt that could not be read counts as "disallow all". */
  private static final Duration ROBOTS_FAILURE_TTL = Duration.ofMinutes(5);

  /**
   * How the fetcher behaves.
   *
   * @param maxBytes largest answer accepted, as sent and after decompression
   * @param connectTimeout how long to wait for a connection
   * @param timeout deadline of one request, to the last byte of the answer
   * @param userAgent the User-Agent header; its first word is the robots.txt product token
   * @param robotsTtl how long a robots.txt is cached
   */
  public record Settings(
      long maxBytes,
      Duration connectTimeout,
      Duration timeout,
      String userAgent,
      Duration robotsTtl) {

    /** The robots.txt product token: the User-Agent up to the first slash or space. */
    String robotsToken() {
      return userAgent.split("[/ ]", 2)[0];
    }
  }

  private record Robots(RobotsRules rules, Instant expires) {}

  private record Answer(URI uri, Connector.Answer response) {}

  private final OutboundGuard guard;
  private final Settings settings;
  private final Clock clock;
  private final Connector connector;
  private final Map<String, Robots> robots = new ConcurrentHashMap<>();
  private final Map<String, Object> robotsLocks = new ConcurrentHashMap<>();

  @Inject
  PageFetcher(PantauConfig config, OutboundGuard guard) {
    this(
        guard,
        new Settings(
            config.outbound().maxBytes(),
            config.outbound().connectTimeout(),
            config.outbound().timeout(),
            config.outbound().userAgent(),
            config.outbound().robotsTtl()),
        Clock.systemUTC());
  }

  /** For plain unit tests and tools. */
  public PageFetcher(OutboundGuard guard, Settings settings, Clock clock) {
    this(guard, settings, clock, new Connector());
  }

  PageFetcher(OutboundGuard guard, Settings settings, Clock clock, Connector connector) {
    this.guard = guard;
    this.settings = settings;
    this.clock = clock;
    this.connector = connector;
  }

  @PreDestroy
  void close() {
    connector.close();
  }

  /**
   * Fetches one URL with a conditional GET.
   *
   * @param uri an absolute http or https URL
   * @param validators the ETag and Last-Modified of the copy already held, or {@link
   *     Validators#NONE}
   * @param accept the Accept header, e.g. {@link #ACCEPT_HTML} or {@link #ACCEPT_FEED}
   * @return the answer (status 200), or status 304 when the validators matched
   * @throws FetchException when the URL is refused, disallowed, too large, unreachable or answers
   *     with another status
   */
  public FetchResult fetch(URI uri, Validators validators, String accept) {
    Answer a = exchange(uri, validators, accept, settings.maxBytes(), true, false);
    int status = a.response().status();
    Validators next =
        new Validators(
            a.response().header("ETag").orElse(null),
            a.response().header("Last-Modified").orElse(null));
    if (status == 304 && !validators.isEmpty()) {
      return new FetchResult(a.uri(), 304, null, new byte[0], merge(next, validators));
    }
    if (status != 200 && status != 203) {
      throw new FetchException(FetchException.Reason.status, "HTTP " + status + " from " + a.uri());
    }
    byte[] body = decompress(a, settings.maxBytes(), false);
    return new FetchResult(
        a.uri(), 200, a.response().header("Content-Type").orElse(null), body, next);
  }

  /** Whether the host's robots.txt lets Pantau fetch this URL; fetches robots.txt when needed. */
  public boolean robotsAllow(URI uri) {
    String origin = origin(uri);
    Instant now = clock.instant();
    Robots cached = robots.get(origin);
    if (cached != null && now.isBefore(cached.expires())) {
      return cached.rules().allows(pathAndQuery(uri));
    }
    synchronized (robotsLocks.computeIfAbsent(origin, k -> new Object())) {
      cached = robots.get(origin);
      if (cached == null || !clock.instant().isBefore(cached.expires())) {
        cached = loadRobots(uri);
        robots.put(origin, cached);
      }
    }
    return cached.rules().allows(pathAndQuery(uri));
  }

  private Robots loadRobots(URI page) {
    URI robotsUri = URI.create(origin(page) + "/robots.txt");
    try {
      Answer a =
          exchange(robotsUri, Validators.NONE, "text/plain", RobotsRules.MAX_BYTES, false, true);
      int status = a.response().status();
      if (status >= 200 && status < 300) {
        String text =
            new String(decompress(a, RobotsRules.MAX_BYTES, true), StandardCharsets.UTF_8);
        return new Robots(
            RobotsRules.parse(text, settings.robotsToken()),
            clock.instant().plus(settings.robotsTtl()));
      }
      if (status >= 400 && status < 500) {
        // RFC 9309: a robots.txt that is not there (or not for us to see) allows everything.
        return new Robots(RobotsRules.ALLOW_ALL, clock.instant().plus(settings.robotsTtl()));
      }
    } catch (FetchException e) {
      // Unreachable robots.txt: handled below as the RFC asks.
    }
    // RFC 9309: a server error or an unreachable robots.txt means "disallow all"; retried soon.
    return new Robots(RobotsRules.DISALLOW_ALL, clock.instant().plus(ROBOTS_FAILURE_TTL));
  }

  private Answer exchange(
      URI start,
      Validators validators,
      String accept,
      long limit,
      boolean obeyRobots,
      boolean truncate) {
    URI uri = start;
    Connector.Limits limits =
        new Connector.Limits(settings.connectTimeout(), settings.timeout(), limit, truncate);
    for (int hop = 0; ; hop++) {
      List<InetAddress> checked;
      try {
        checked = guard.check(uri);
      } catch (OutboundRefusedException e) {
        throw new FetchException(FetchException.Reason.refused, e.getMessage(), e);
      }
      if (obeyRobots && !robotsAllow(uri)) {
        throw new FetchException(
            FetchException.Reason.robots, "robots.txt of " + uri.getHost() + " disallows " + uri);
      }
      // However long robots.txt took, the page comes from the address checked above.
      Connector.Answer response = connector.send(request(uri, validators, accept), checked, limits);
      int status = response.status();
      if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
        return new Answer(uri, response);
      }
      if (hop >= MAX_REDIRECTS) {
        throw new FetchException(
            FetchException.Reason.redirects,
            "more than " + MAX_REDIRECTS + " redirects from " + start);
      }
      uri = redirectTarget(uri, response.header("Location"));
    }
  }

  private Connector.Request request(URI uri, Validators validators, String accept) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("User-Agent", settings.userAgent());
    headers.put("Accept", accept);
    headers.put("Accept-Encoding", "gzip");
    if (!Validators.isBlank(validators.etag())) {
      headers.put("If-None-Match", validators.etag());
    }
    if (!Validators.isBlank(validators.lastModified())) {
      headers.put("If-Modified-Since", validators.lastModified());
    }
    return new Connector.Request(uri, headers, null);
  }

  private static byte[] decompress(Answer a, long limit, boolean truncate) {
    byte[] body = a.response().body();
    Optional<String> encoding = a.response().header("Content-Encoding");
    if (encoding.isEmpty()
        || encoding.get().isBlank()
        || encoding.get().trim().equalsIgnoreCase("identity")) {
      return body;
    }
    if (!isGzip(encoding)) {
      throw new FetchException(
          FetchException.Reason.network,
          "unsupported Content-Encoding " + encoding.get() + " from " + a.uri());
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (out.length > limit) {
        if (truncate) {
          return Arrays.copyOf(out, (int) limit);
        }
        // A small gzip that inflates past the limit: a zip bomb, or just too big a page.
        throw new FetchException(
            FetchException.Reason.tooLarge,
            "the answer from " + a.uri() + " decompresses to more than " + limit + " bytes");
      }
      return out;
    } catch (IOException e) {
      throw new FetchException(
          FetchException.Reason.network, "broken gzip answer from " + a.uri(), e);
    }
  }

  private static boolean isGzip(Optional<String> encoding) {
    return encoding
        .map(e -> e.trim().toLowerCase(Locale.ROOT))
        .filter(e -> e.equals("gzip") || e.equals("x-gzip"))
        .isPresent();
  }

  private static URI redirectTarget(URI from, Optional<String> location) {
    if (location.isEmpty() || location.get().isBlank()) {
      throw new FetchException(
          FetchException.Reason.redirects, "a redirect without Location from " + from);
    }
    try {
      URI target = from.resolve(new URI(location.get().trim()));
      // The fragment is the client's business, not the server's.
      return new URI(
          target.getScheme(),
          target.getRawAuthority(),
          target.getRawPath(),
          target.getRawQuery(),
          null);
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new FetchException(
          FetchException.Reason.redirects,
          "a redirect to an invalid URL from " + from + ": " + location.get());
    }
  }

  private static String origin(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return scheme + "://" + host + (port < 0 ? "" : ":" + port);
  }

  private static String pathAndQuery(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  /** A 304 need not repeat the validators; keep the old ones where it does not. */
  private static Validators merge(Validators fresh, Validators old) {
    return new Validators(
        Validators.isBlank(fresh.etag()) ? old.etag() : fresh.etag(),
        Validators.isBlank(fresh.lastModified()) ? old.lastModified() : fresh.lastModified());
  }
}
