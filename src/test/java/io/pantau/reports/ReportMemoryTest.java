package io.pantau.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.index.ArticleIndex;
import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.pantau.testsupport.UsesDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A CSV export streams: exporting ten times the rows does not raise the heap left after garbage
 * collection while the export runs. The rows are counted as they arrive over HTTP.
 */
@QuarkusTest
@UsesDatabase
@QuarkusTestResource(ElasticsearchResource.class)
class ReportMemoryTest {
  private static final Logger LOG = Logger.getLogger(ReportMemoryTest.class);

  /** Generous for sampling noise; holding 18,000 more rows would take several times this. */
  private static final long SLACK_BYTES = 24L * 1024 * 1024;

  @Inject ArticleIndex index;

  @TestHTTPResource URL url;

  @Test
  void exportingTenTimesTheRowsKeepsTheHeapAfterCollectionFlat() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String small = "small-" + tag + ".example";
    String large = "large-" + tag + ".example";
    Instant start = Instant.parse("2024-03-01T00:00:00Z");
    GeneratedCorpus.write(index, small, 2_000, start);
    GeneratedCorpus.write(index, large, 20_000, start);
    String from = "2024-03-01";
    String to = "2024-04-01";
    // Warm up: class loading, JIT and pools should not count against either run.
    GeneratedCorpus.csv(url.getPort(), Api.VIEWER, small, from, to);
    GeneratedCorpus.Export s = GeneratedCorpus.csv(url.getPort(), Api.VIEWER, small, from, to);
    GeneratedCorpus.Export l = GeneratedCorpus.csv(url.getPort(), Api.VIEWER, large, from, to);
    LOG.infof(
        "CSV 2,000 rows: %.0f rows/s, heap after GC at most %d MB; 20,000 rows: %.0f rows/s,"
            + " heap after GC at most %d MB",
        s.rowsPerSecond(),
        s.peakAfterGcBytes() >> 20,
        l.rowsPerSecond(),
        l.peakAfterGcBytes() >> 20);
    assertEquals(2_000, s.rows());
    assertEquals(20_000, l.rows());
    assertTrue(l.bytes() > 9 * s.bytes(), "the large export carries the rows");
    assertTrue(
        l.peakAfterGcBytes() - s.peakAfterGcBytes() < SLACK_BYTES,
        "heap after GC grew from "
            + (s.peakAfterGcBytes() >> 20)
            + " MB to "
            + (l.peakAfterGcBytes() >> 20)
            + " MB");
  }
}
