package io.pantau.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.index.node.EmbeddedElasticsearch;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.apache.http.HttpHost;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;

/**
 * One aggregation request timed through the two HTTP clients in play: the JDK client the benchmark
 * uses for its raw requests, and Elasticsearch's low-level REST client that Pantau's analytics use
 * (with and without parsing the answer into a JSON tree), alternating, against an embedded node
 * with generated documents. Run from the test classpath with {@code -Dbench.distribution=<zip>}.
 */
public final class ClientProbe {
  private ClientProbe() {}

  public static void main(String[] args) throws Exception {
    Path zip = Path.of(System.getProperty("bench.distribution"));
    int docs = Integer.getInteger("probe.docs", 50_000);
    int calls = Integer.getInteger("probe.calls", 300);
    Path work = Files.createTempDirectory("pantau-client-probe-");
    try (EmbeddedElasticsearch es =
        new EmbeddedElasticsearch(
            new EmbeddedElasticsearch.Settings(
                zip, work, 0, "1g", Duration.ofSeconds(180), null))) {
      es.start();
      Http http = new Http("http://" + es.hostAndPort(), null);
      http.put(
              "/probe",
              "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},"
                  + "\"mappings\":{\"properties\":{\"k\":{\"type\":\"keyword\"},"
                  + "\"d\":{\"type\":\"date\"}}}}")
          .ok();
      Random random = new Random(1);
      for (int done = 0; done < docs; ) {
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < 5000 && done < docs; i++, done++) {
          bulk.append("{\"index\":{}}\n")
              .append(
                  String.format(
                      Locale.ROOT,
                      "{\"k\":\"term-%d\",\"d\":%d}%n",
                      (int) Math.abs(random.nextGaussian() * 400),
                      1_700_000_000_000L + random.nextInt(150) * 86_400_000L));
        }
        http.post(
                "/probe/_bulk",
                "application/x-ndjson",
                bulk.toString().getBytes(StandardCharsets.UTF_8))
            .ok();
      }
      http.post("/probe/_refresh", "application/json", new byte[0]).ok();
      String body =
          "{\"size\":0,\"aggs\":{\"top\":{\"terms\":{\"field\":\"k\",\"size\":20}},"
              + "\"days\":{\"date_histogram\":{\"field\":\"d\",\"calendar_interval\":\"day\"}}}}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ObjectMapper json = new ObjectMapper();
      try (RestClient rest =
          RestClient.builder(HttpHost.create("http://" + es.hostAndPort())).build()) {
        double[] jdk = new double[calls];
        double[] restParsed = new double[calls];
        double[] restBytes = new double[calls];
        int warmUp = 50;
        for (int i = 0; i < warmUp + calls; i++) {
          long t0 = System.nanoTime();
          http.post("/probe/_search", "application/json", bytes).ok();
          long t1 = System.nanoTime();
          Request r = new Request("POST", "/probe/_search");
          r.setJsonEntity(body);
          Response response = rest.performRequest(r);
          try (InputStream in = response.getEntity().getContent()) {
            json.readTree(in);
          }
          long t2 = System.nanoTime();
          Request r2 = new Request("POST", "/probe/_search");
          r2.setJsonEntity(body);
          Response response2 = rest.performRequest(r2);
          try (InputStream in = response2.getEntity().getContent()) {
            in.readAllBytes();
          }
          long t3 = System.nanoTime();
          if (i >= warmUp) {
            jdk[i - warmUp] = (t1 - t0) / 1e6;
            restParsed[i - warmUp] = (t2 - t1) / 1e6;
            restBytes[i - warmUp] = (t3 - t2) / 1e6;
          }
        }
        print("jdk HttpClient", jdk);
        print("RestClient + readTree", restParsed);
        print("RestClient bytes only", restBytes);
      }
    }
  }

  private static void print(String name, double[] ms) {
    double[] s = ms.clone();
    Arrays.sort(s);
    System.out.printf(
        Locale.ROOT,
        "%-24s p50 %.2f ms, p95 %.2f ms%n",
        name,
        s[s.length / 2],
        s[(int) (s.length * 0.95)]);
  }
}
