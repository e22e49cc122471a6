package io.pantau.web;

import static io.pantau.web.MalformedInputs.Kind.BOOL;
import static io.pantau.web.MalformedInputs.Kind.CHANNELS;
import static io.pantau.web.MalformedInputs.Kind.DAY;
import static io.pantau.web.MalformedInputs.Kind.DURATION;
import static io.pantau.web.MalformedInputs.Kind.ENUM;
import static io.pantau.web.MalformedInputs.Kind.FLAG;
import static io.pantau.web.MalformedInputs.Kind.INSTANT;
import static io.pantau.web.MalformedInputs.Kind.INT;
import static io.pantau.web.MalformedInputs.Kind.NUMBER;
import static io.pantau.web.MalformedInputs.Kind.QUERY;
import static io.pantau.web.MalformedInputs.Kind.TEXT;
import static io.pantau.web.MalformedInputs.Kind.URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sends thousands of malformed requests to every {@code /api} endpoint of the running application
 * and checks that none is answered 5xx and that every 4xx is a problem body with status, title and
 * detail. {@code -Dfuzz.inputs=N} sets the inputs per endpoint, {@code -Dfuzz.seed=S} the seed; a
 * failure names the seed, the endpoint and the input so it can be replayed.
 */
@QuarkusTest
@QuarkusTestResource(ElasticsearchResource.class)
class ApiFuzzTest {
  private static final int INPUTS = Integer.getInteger("fuzz.inputs", 2_000);
  private static final long SEED = Long.getLong("fuzz.seed", 20251128L);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Request lines over this never reach Pantau: the HTTP codec answers a bare 414. */
  private static final int CODEC_LINE_LIMIT =
      ConfigProvider.getConfig()
          .getValue("quarkus.http.limits.max-initial-line-length", Integer.class);

  private static final Map<String, MalformedInputs.Kind> ARTICLE =
      ordered(
          "url",
          URL,
          "title",
          TEXT,
          "body",
          TEXT,
          "html",
          TEXT,
          "source",
          TEXT,
          "published",
          INSTANT,
          "lang",
          ENUM,
          "fetchedAt",
          INSTANT);

  /** The filters search and analytics share. */
  private static final Map<String, MalformedInputs.Kind> FILTERS =
      ordered("q", QUERY, "from", INSTANT, "to", INSTANT, "source", TEXT, "lang", ENUM);

  private static final Map<String, MalformedInputs.Kind> SEARCH =
      with(FILTERS, ordered("sentiment", ENUM, "page", INT, "size", INT));
  private static final Map<String, MalformedInputs.Kind> ANALYTICS =
      with(
          FILTERS,
          ordered(
              "tz",
              ENUM,
              "interval",
              ENUM,
              "unit",
              ENUM,
              "size",
              INT,
              "field",
              ENUM,
              "type",
              ENUM));
  private static final Map<String, MalformedInputs.Kind> ALERT =
      ordered(
          "name",
          TEXT,
          "query",
          QUERY,
          "type",
          ENUM,
          "threshold",
          NUMBER,
          "window",
          DURATION,
          "baselineWindows",
          INT,
          "minArticles",
          INT,
          "channels",
          CHANNELS,
          "enabled",
          BOOL,
          "mutedUntil",
          INSTANT,
          "digestMinutes",
          INT);
  private static final Map<String, String[]> ENUMS =
      Map.of(
          "lang",
          new String[] {"id", "en", "ms", "ID,en"},
          "sentiment",
          new String[] {"positive", "neutral", "negative"},
          "tz",
          new String[] {"UTC", "Asia/Jakarta", "+07:00", "Mars/Olympus", "GMT+99"},
          "interval",
          new String[] {"hour", "day", "week", "month"},
          "unit",
          new String[] {"articles", "stories"},
          "field",
          new String[] {"keywords", "keyphrases", "body"},
          "type",
          new String[] {
            "match", "volume_spike", "sentiment_shift", "person", "organization", "place"
          },
          "role",
          new String[] {"viewer", "editor", "admin", "root"});

  @TestHTTPResource("/")
  URL base;

  private static ExecutorService pool;

  @BeforeAll
  static void startPool() {
    pool = Executors.newFixedThreadPool(8);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  /** One endpoint: how to make a hostile request for it from the generator. */
  private record Endpoint(String name, Function<MalformedInputs, Request> request) {}

  private record Request(String method, String target, String contentType, byte[] body) {
    String describe() {
      String b =
          body == null
              ? ""
              : " body("
                  + body.length
                  + " bytes)="
                  + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
      return method
          + " "
          + (target.length() > 300
              ? target.substring(0, 300) + "…(" + target.length() + ")"
              : target)
          + " ["
          + contentType
          + "]"
          + b;
    }
  }

  @Test
  void noMalformedInputGetsA5xxAndEvery4xxIsAProblem() throws Exception {
    RawHttp http = new RawHttp(base.getPort());
    long alertId = existingAlert(http);
    long total = 0;
    List<Endpoint> endpoints = endpoints(alertId);
    List<String> failures = new ArrayList<>();
    long started = System.nanoTime();
    for (int e = 0; e < endpoints.size(); e++) {
      Endpoint endpoint = endpoints.get(e);
      MalformedInputs gen = new MalformedInputs(SEED * 31 + e);
      List<Request> requests = new ArrayList<>();
      for (int i = 0; i < INPUTS; i++) {
        requests.add(endpoint.request().apply(gen));
      }
      String key = endpoint.name().startsWith("/api/keys") ? Api.adminKey() : Api.EDITOR;
      List<Future<String>> results = new ArrayList<>();
      for (Request r : requests) {
        results.add(pool.submit(() -> check(http, key, r)));
      }
      long endpointStarted = System.nanoTime();
      Map<String, Integer> statuses = new TreeMap<>();
      int endpointFailures = 0;
      for (int i = 0; i < results.size(); i++) {
        String outcome = results.get(i).get();
        String status =
            outcome.length() > 3 && outcome.charAt(3) == '*'
                ? outcome.substring(0, 4)
                : outcome.substring(0, 3);
        statuses.merge(status, 1, Integer::sum);
        if (outcome.length() > status.length()) {
          endpointFailures++;
          if (endpointFailures <= 3) {
            failures.add(
                endpoint.name()
                    + " (seed "
                    + SEED
                    + ", input "
                    + i
                    + "): "
                    + outcome.substring(status.length() + 1)
                    + "\n    "
                    + requests.get(i).describe());
          }
        }
      }
      total += requests.size();
      System.out.printf(
          "fuzz: %-40s %5d inputs in %5.1f s, answers %s%s%n",
          endpoint.name(),
          requests.size(),
          (System.nanoTime() - endpointStarted) / 1e9,
          statuses,
          endpointFailures == 0 ? "" : ", " + endpointFailures + " FAILED");
    }
    System.out.printf(
        "fuzz: %d endpoint groups x %d inputs = %d requests in %.1f s over %d connections%n",
        endpoints.size(),
        INPUTS,
        total,
        (System.nanoTime() - started) / 1e9,
        http.connectionsOpened());
    http.close();
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertNoAcceptedArticleFailedInTheIndex();
  }

  /**
   * What the fuzzing accepted is indexed, or failed for a reason of its own (no text found): never
   * turned away by the index writer, whose failures are the ones that used to take neighbours with
   * them.
   */
  private static void assertNoAcceptedArticleFailedInTheIndex() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    JsonPath s = ingestStatus();
    while (s.getInt("backlog") > 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      s = ingestStatus();
    }
    assertEquals(0, s.getInt("backlog"), "the fuzzed articles were processed");
    assertEquals("ok", s.getString("writer.state"));
    List<String> errors = s.getList("recentFailures.error");
    for (String error : errors) {
      assertTrue(
          error.equals("no article text found"),
          "an accepted article failed in the index writer: " + error);
    }
  }

  private static JsonPath ingestStatus() {
    return Api.asViewer().get("/api/ingest/status").then().statusCode(200).extract().jsonPath();
  }

  /**
   * The status, then (when the answer breaks the contract) a space and what is wrong. A status with
   * a {@code *} is an answer without a problem body from the HTTP codec, which refuses a request
   * line it cannot parse before any handler of Pantau runs (Quarkus offers no hook there): {@code
   * 414*} for a line over its limit, {@code 400*} for a line with a control character.
   */
  private static String check(RawHttp http, String key, Request r) {
    int line = r.method().length() + r.target().length() + " HTTP/1.1".length() + 1;
    boolean overCodec = line > CODEC_LINE_LIMIT;
    boolean overLine = line > RequestTargetCheck.MAX_REQUEST_LINE;
    boolean unparsable = r.target().chars().anyMatch(c -> c <= ' ' || c == 0x7f);
    RawHttp.Answer a;
    try {
      a = http.send(r.method(), r.target(), key, r.contentType(), r.body());
    } catch (Exception e) {
      // A client still sending a line of megabytes may find the connection closed under it.
      return overCodec ? "414*" : "000 no answer: " + e;
    }
    String status = Integer.toString(a.status());
    if (overCodec) {
      return a.status() == 414 ? "414*" : status + " a request line over the codec limit";
    }
    if (unparsable && a.status() == 400 && a.body().length == 0) {
      return "400*";
    }
    if (overLine && a.status() != 414) {
      return status + " a request line of " + line + " characters got " + status;
    }
    if (a.status() >= 500) {
      return status + " server error " + a.status() + ": " + clip(a.text());
    }
    if (a.status() >= 400) {
      String type = a.header("content-type");
      if (type == null || !type.startsWith(Problem.MEDIA_TYPE)) {
        return status + " " + a.status() + " with content type " + type + ": " + clip(a.text());
      }
      try {
        JsonNode p = JSON.readTree(a.body());
        if (p.path("status").asInt() != a.status()
            || p.path("title").asText().isBlank()
            || p.path("detail").asText().isBlank()) {
          return status + " incomplete problem: " + clip(a.text());
        }
      } catch (Exception e) {
        return status + " problem body is not JSON: " + clip(a.text());
      }
    }
    return status;
  }

  private static String clip(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private List<Endpoint> endpoints(long alertId) {
    List<Endpoint> list = new ArrayList<>();
    list.add(
        new Endpoint(
            "POST /api/articles (json)",
            g -> new Request("POST", "/api/articles", json(g), g.jsonBody(ARTICLE, ENUMS))));
    list.add(
        new Endpoint(
            "POST /api/articles (text)",
            g ->
                new Request(
                    "POST",
                    "/api/articles" + g.query(rawParams(), ENUMS),
                    g.documentType("text/plain"),
                    g.document(false))));
    list.add(
        new Endpoint(
            "POST /api/articles (html)",
            g ->
                new Request(
                    "POST",
                    "/api/articles" + g.query(rawParams(), ENUMS),
                    g.documentType("text/html"),
                    g.document(true))));
    list.add(
        new Endpoint(
            "POST /api/articles/_bulk",
            g ->
                new Request(
                    "POST",
                    "/api/articles/_bulk",
                    g.chance(10) ? "application/json" : "application/x-ndjson",
                    g.ndjson(ARTICLE, ENUMS))));
    list.add(
        new Endpoint(
            "GET /api/articles/{id}",
            g -> new Request("GET", "/api/articles/" + g.idSegment(), null, null)));
    list.add(
        new Endpoint(
            "GET /api/articles (search)",
            g -> new Request("GET", "/api/articles" + g.query(SEARCH, ENUMS), null, null)));
    list.add(
        new Endpoint(
            "POST /api/enrich (json)",
            g -> new Request("POST", "/api/enrich", json(g), g.jsonBody(ARTICLE, ENUMS))));
    list.add(
        new Endpoint(
            "POST /api/enrich (html)",
            g ->
                new Request(
                    "POST",
                    "/api/enrich" + g.query(rawParams(), ENUMS),
                    g.documentType(g.chance(2) ? "text/html" : "text/plain"),
                    g.document(true))));
    for (String a :
        List.of(
            "volume", "sentiment", "keywords", "trending", "sources", "entities", "languages")) {
      list.add(
          new Endpoint(
              "GET /api/analytics/" + a,
              g ->
                  new Request(
                      "GET", "/api/analytics/" + a + g.query(ANALYTICS, ENUMS), null, null)));
    }
    list.add(
        new Endpoint(
            "POST /api/analytics/trends/_rollup",
            g ->
                new Request(
                    "POST",
                    "/api/analytics/trends/_rollup"
                        + g.query(ordered("from", DAY, "to", DAY), ENUMS),
                    null,
                    null)));
    list.add(
        new Endpoint(
            "POST /api/feeds",
            g ->
                new Request(
                    "POST",
                    "/api/feeds",
                    json(g),
                    g.jsonBody(ordered("url", URL, "source", TEXT, "pollMinutes", INT), ENUMS))));
    list.add(
        new Endpoint(
            "GET|DELETE|POST _poll /api/feeds/{id}",
            g -> {
              String id = g.idSegment();
              return switch (g.nextInt(3)) {
                case 0 -> new Request("GET", "/api/feeds/" + id, null, null);
                case 1 -> new Request("DELETE", "/api/feeds/" + id, null, null);
                default ->
                    new Request(
                        "POST",
                        "/api/feeds/" + id + "/_poll" + g.query(ordered("refresh", BOOL), ENUMS),
                        null,
                        null);
              };
            }));
    list.add(
        new Endpoint(
            "POST /api/alerts",
            g -> new Request("POST", "/api/alerts", json(g), g.jsonBody(ALERT, ENUMS))));
    list.add(
        new Endpoint(
            "PUT /api/alerts/{id}",
            g ->
                new Request(
                    "PUT",
                    "/api/alerts/" + (g.chance(4) ? g.idSegment() : Long.toString(alertId)),
                    json(g),
                    g.jsonBody(ALERT, ENUMS))));
    list.add(
        new Endpoint(
            "GET|DELETE /api/alerts/{id}[/events]",
            g -> {
              String id = g.idSegment();
              return switch (g.nextInt(3)) {
                case 0 -> new Request("GET", "/api/alerts/" + id, null, null);
                case 1 -> new Request("DELETE", "/api/alerts/" + id, null, null);
                default ->
                    new Request(
                        "GET",
                        "/api/alerts/"
                            + (g.chance(2) ? id : Long.toString(alertId))
                            + "/events"
                            + g.query(ordered("limit", INT), ENUMS),
                        null,
                        null);
              };
            }));
    list.add(
        new Endpoint(
            "POST /api/alerts/preview",
            g ->
                new Request(
                    "POST",
                    "/api/alerts/preview",
                    json(g),
                    g.jsonBody(ordered("query", QUERY), ENUMS))));
    list.add(
        new Endpoint(
            "/api/keys",
            g ->
                g.chance(3)
                    ? new Request("DELETE", "/api/keys/" + g.idSegment(), null, null)
                    : new Request(
                        "POST",
                        "/api/keys",
                        json(g),
                        g.jsonBody(ordered("name", TEXT, "role", ENUM), ENUMS))));
    return list;
  }

  private static Map<String, MalformedInputs.Kind> rawParams() {
    return ordered("url", URL, "source", TEXT, "fetchedAt", INSTANT, "refresh", FLAG);
  }

  /** Mostly JSON; otherwise a bogus charset, a broken parameter list or another type. */
  private static String json(MalformedInputs g) {
    return switch (g.nextInt(24)) {
      case 0 -> "application/json; charset=klingon";
      case 1 -> "application/json; charset=utf-16";
      case 2 -> "application/json;;";
      case 3 -> "text/plain";
      case 4 -> "application/xml";
      case 5 -> "multipart/form-data";
      case 6 -> "application/x-www-form-urlencoded";
      case 7 -> null;
      case 8 -> "*/*";
      case 9 -> "application/json; charset=\"utf-8";
      case 10 -> "json";
      default -> "application/json";
    };
  }

  /** An alert rule the PUT and events requests can aim at. */
  private static long existingAlert(RawHttp http) throws Exception {
    byte[] body =
        "{\"name\":\"fuzz target\",\"query\":\"banjir\",\"type\":\"match\",\"channels\":[{\"type\":\"email\",\"to\":\"fuzz@example.org\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    RawHttp.Answer a = http.send("POST", "/api/alerts", Api.EDITOR, "application/json", body);
    assertTrue(a.status() == 201, a.status() + " " + a.text());
    return JSON.readTree(a.body()).path("id").asLong();
  }

  private static Map<String, MalformedInputs.Kind> with(
      Map<String, MalformedInputs.Kind> base, Map<String, MalformedInputs.Kind> more) {
    Map<String, MalformedInputs.Kind> m = new LinkedHashMap<>(base);
    m.putAll(more);
    return m;
  }

  private static Map<String, MalformedInputs.Kind> ordered(Object... pairs) {
    Map<String, MalformedInputs.Kind> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (MalformedInputs.Kind) pairs[i + 1]);
    }
    return m;
  }
}
