package io.pantau.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.pantau.index.Fields;
import io.pantau.index.RequestBodies;
import io.pantau.query.Selection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each analytics endpoint against the Elasticsearch request behind it: the same request body,
 * rendered by {@link RequestBodies}, sent straight to Elasticsearch. Calls alternate between the
 * two so that drift on a shared machine hits both alike; both are timed by the same client on
 * loopback.
 */
final class AnalyticsTimes {
  private static final int WARM_UP = 5;

  /**
   * Rounds over every endpoint, both ways, before any is timed. Pantau's request path (REST layer,
   * request rendering, the HTTP client, JSON reading) is its own code, which the ingest never ran:
   * with five calls per endpoint it was timed while the JIT was still compiling it. At least {@link
   * #MIN_WARM_UP_ROUNDS}; then blocks of {@link #WARM_UP_BLOCK} until Pantau's JIT compiler threads
   * spend under {@link #SETTLED_COMPILER_MS} per call, {@link #MAX_WARM_UP_ROUNDS} at most. After
   * 150 rounds they still spent 0.8 ms of CPU per call locally (29 Nov, 8,000 calls in), more than
   * Pantau's own request handling, on a machine of two cores shared with Elasticsearch; after some
   * 13,000 calls 0.06 ms, and Pantau's per-call CPU had halved.
   */
  private static final int MIN_WARM_UP_ROUNDS = 150;

  private static final int WARM_UP_BLOCK = 50;
  private static final int MAX_WARM_UP_ROUNDS = 1500;
  private static final double SETTLED_COMPILER_MS = 0.1;

  private final Http pantau;
  private final Http es;
  private final int calls;
  private final CpuMeter pantauCpu;

  AnalyticsTimes(Http pantau, Http es, int calls, CpuMeter pantauCpu) {
    this.pantau = pantau;
    this.es = es;
    this.calls = calls;
    this.pantauCpu = pantauCpu;
  }

  /**
   * One endpoint's figures, in milliseconds: as the client sees Pantau and Elasticsearch, and
   * Pantau's own {@code Server-Timing} (its total time and its wait for Elasticsearch inside it).
   */
  record Times(
      String endpoint,
      double p50Ms,
      double p95Ms,
      double rawP50Ms,
      double rawP95Ms,
      double serverP50Ms,
      double serverEsP50Ms) {
    double ratio() {
      return p50Ms / rawP50Ms;
    }

    /** Pantau's server-side time over the raw request's time (network left out on one side). */
    double serverRatio() {
      return serverP50Ms / rawP50Ms;
    }
  }

  private static final Pattern TIMING = Pattern.compile("(\\w+);dur=([0-9.]+)");

  /** The {@code name} metric of a {@code Server-Timing} header, NaN when it is absent. */
  static double timing(String header, String name) {
    Matcher m = TIMING.matcher(header);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return Double.parseDouble(m.group(2));
      }
    }
    return Double.NaN;
  }

  private record Endpoint(String name, String path, String body) {}

  List<Times> measure() {
    Instant[] period = period();
    String range = "from=" + period[0] + "&to=" + period[1];
    Selection f = new Selection(null, Optional.of(period[0]), Optional.of(period[1]), null, null);
    List<Endpoint> endpoints =
        List.of(
            new Endpoint(
                "volume",
                "volume?interval=day&",
                RequestBodies.volume(f, ChronoUnit.DAYS, ZoneOffset.UTC)),
            new Endpoint(
                "sentiment",
                "sentiment?interval=day&",
                RequestBodies.sentiment(f, ChronoUnit.DAYS, ZoneOffset.UTC)),
            new Endpoint(
                "keywords",
                "keywords?size=20&",
                RequestBodies.terms(f, Fields.KEYPHRASES, 20, false)),
            new Endpoint(
                "trending",
                "trending?size=20&",
                RequestBodies.trending(f, Fields.KEYPHRASES, Math.max(10 * 20, 200))),
            new Endpoint(
                "sources", "sources?size=20&", RequestBodies.terms(f, Fields.SOURCE, 20, true)),
            new Endpoint(
                "entities",
                "entities?type=person&size=20&",
                RequestBodies.terms(f, Fields.ENTITIES_PERSONS, 20, false)),
            new Endpoint(
                "languages", "languages?size=20&", RequestBodies.terms(f, Fields.LANG, 20, false)));
    long start = System.nanoTime();
    int rounds = 0;
    double compilerMsPerCall = Double.NaN;
    while (rounds < MAX_WARM_UP_ROUNDS) {
      int block = rounds < MIN_WARM_UP_ROUNDS ? MIN_WARM_UP_ROUNDS : WARM_UP_BLOCK;
      double compiler0 = pantauCpu.compilerSeconds();
      for (int round = 0; round < block; round++) {
        for (Endpoint e : endpoints) {
          pantau.get("/api/analytics/" + e.path() + range).ok();
          es.post(
                  "/pantau-articles/_search",
                  "application/json",
                  e.body().getBytes(StandardCharsets.UTF_8))
              .ok();
        }
      }
      rounds += block;
      compilerMsPerCall =
          (pantauCpu.compilerSeconds() - compiler0) * 1000 / (block * endpoints.size());
      if (compilerMsPerCall < SETTLED_COMPILER_MS) {
        break;
      }
    }
    Bench.log(
        "analytics warm-up: %d rounds over the %d endpoints in %.0f s; Pantau's JIT compiler"
            + " threads at %.2f ms of CPU per call in the last block",
        rounds, endpoints.size(), (System.nanoTime() - start) / 1e9, compilerMsPerCall);
    List<Times> out = new ArrayList<>();
    for (Endpoint e : endpoints) {
      String url = "/api/analytics/" + e.path() + range;
      byte[] body = e.body().getBytes(StandardCharsets.UTF_8);
      double[] own = new double[calls];
      double[] raw = new double[calls];
      double[] server = new double[calls];
      double[] serverEs = new double[calls];
      for (int i = 0; i < WARM_UP + calls; i++) {
        // Each goes first every other time: the second of two identical requests meets
        // Elasticsearch's caches warm from the first.
        long r0 = 0;
        long r1 = 0;
        if (i % 2 == 1) {
          r0 = System.nanoTime();
          es.post("/pantau-articles/_search", "application/json", body).ok();
          r1 = System.nanoTime();
        }
        long t0 = System.nanoTime();
        Http.Answer a = pantau.get(url).ok();
        long t1 = System.nanoTime();
        if (i % 2 == 0) {
          r0 = System.nanoTime();
          es.post("/pantau-articles/_search", "application/json", body).ok();
          r1 = System.nanoTime();
        }
        if (i >= WARM_UP) {
          own[i - WARM_UP] = (t1 - t0) / 1e6;
          raw[i - WARM_UP] = (r1 - r0) / 1e6;
          server[i - WARM_UP] = timing(a.serverTiming(), "total");
          serverEs[i - WARM_UP] = timing(a.serverTiming(), "es");
        }
      }
      Times t =
          new Times(
              e.name(),
              pct(own, 50),
              pct(own, 95),
              pct(raw, 50),
              pct(raw, 95),
              pct(server, 50),
              pct(serverEs, 50));
      Bench.log(
          "analytics %-9s pantau p50 %6.1f ms p95 %6.1f ms | elasticsearch p50 %6.1f ms p95 %6.1f"
              + " ms | ratio %.2f | pantau server-side p50 %6.1f ms (waiting for elasticsearch"
              + " %6.1f ms), ratio %.2f",
          t.endpoint(),
          t.p50Ms(),
          t.p95Ms(),
          t.rawP50Ms(),
          t.rawP95Ms(),
          t.ratio(),
          t.serverP50Ms(),
          t.serverEsP50Ms(),
          t.serverRatio());
      out.add(t);
    }
    return out;
  }

  /** Whole days from the first to the day after the last publication. */
  private Instant[] period() {
    String aggs =
        "{\"size\":0,\"aggs\":{\"min\":{\"min\":{\"field\":\"published\"}},"
            + "\"max\":{\"max\":{\"field\":\"published\"}}}}";
    JsonNode r =
        Bench.json(
            es.post(
                    "/pantau-articles/_search",
                    "application/json",
                    aggs.getBytes(StandardCharsets.UTF_8))
                .ok()
                .body());
    Instant min = Instant.ofEpochMilli(r.path("aggregations").path("min").path("value").asLong());
    Instant max = Instant.ofEpochMilli(r.path("aggregations").path("max").path("value").asLong());
    return new Instant[] {
      min.truncatedTo(ChronoUnit.DAYS), max.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS)
    };
  }

  static double pct(double[] values, int p) {
    double[] s = values.clone();
    Arrays.sort(s);
    int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
    return s[Math.max(0, Math.min(s.length - 1, i))];
  }
}
