package io.pantau.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pantau.index.ArticleIndex;
import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Measures CSV export: writes {@code bench.rows} generated articles (default 200,000) through the
 * index's bulk writer, then downloads their CSV over HTTP twice: once as fast as it goes (rows/s
 * and the largest heap in use), once with a forced collection every 100 ms (the largest heap left
 * after collection, i.e. what the export really holds). Not a test (its name does not end in Test),
 * so {@code mvn test} skips it; run it alone, with the surefire heap of 2 GB:
 *
 * <pre>
 * mvn -o test -Dtest=CsvExportBenchmark -Dbench.rows=200000 -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * It prints one line starting with {@code CSV export benchmark:}.
 */
@QuarkusTest
@QuarkusTestResource(ElasticsearchResource.class)
class CsvExportBenchmark {
  @Inject ArticleIndex index;

  @TestHTTPResource URL url;

  @Test
  void exportRows() throws Exception {
    int rows = Integer.getInteger("bench.rows", 200_000);
    String source = "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    Instant start = Instant.parse("2023-01-01T00:00:00Z");
    long t0 = System.nanoTime();
    GeneratedCorpus.write(index, source, rows, start);
    Duration load = Duration.ofNanos(System.nanoTime() - t0);
    String from = "2023-01-01";
    String to = start.plus(Duration.ofMinutes(rows + 1)).toString();
    GeneratedCorpus.Export fast =
        GeneratedCorpus.csv(url.getPort(), Api.VIEWER, source, from, to, Duration.ofSeconds(2));
    GeneratedCorpus.Export held = fast;
    assertEquals(rows, fast.rows());
    System.out.println(
        String.format(
            Locale.ROOT,
            "CSV export benchmark: %d rows, %.1f MB of CSV in %.1f s = %.0f rows/s; peak heap in"
                + " use %d MB; peak heap after GC during export %d MB (max heap %d MB); loading"
                + " took %.1f s",
            rows,
            fast.bytes() / 1e6,
            fast.took().toMillis() / 1000.0,
            fast.rowsPerSecond(),
            fast.peakUsedBytes() >> 20,
            held.peakAfterGcBytes() >> 20,
            Runtime.getRuntime().maxMemory() >> 20,
            load.toMillis() / 1000.0));
  }
}
