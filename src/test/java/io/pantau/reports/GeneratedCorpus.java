package io.pantau.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pantau.article.Article;
import io.pantau.article.DatePrecision;
import io.pantau.article.EnrichedArticle;
import io.pantau.article.Entities;
import io.pantau.article.Sentiment;
import io.pantau.article.SentimentLabel;
import io.pantau.index.ArticleIndex;
import io.pantau.index.IndexWrite;
import io.pantau.index.WriteOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many generated, already enriched articles written straight through the index's bulk writer (the
 * API's enrichment is not what these tests measure), and a CSV export read over HTTP while the heap
 * is sampled.
 */
final class GeneratedCorpus {
  private static final String[] WORDS = {
    "banjir",
    "gempa",
    "pemilu",
    "harga",
    "beras",
    "kereta",
    "pelabuhan",
    "investasi",
    "sekolah",
    "rumah sakit",
    "jalan tol",
    "nelayan",
    "petani",
    "listrik",
    "inflasi",
    "ekspor",
    "pariwisata"
  };
  private static final String[] PLACES = {"Jakarta", "Surabaya", "Bandung", "Medan", "Makassar"};

  private GeneratedCorpus() {}

  /** Writes {@code n} articles of source {@code source}, one per minute from {@code start}. */
  static void write(ArticleIndex index, String source, int n, Instant start) {
    Random r = new Random(source.hashCode());
    int batch = 2000;
    for (int from = 0; from < n; from += batch) {
      List<IndexWrite> writes = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + batch); i++) {
        writes.add(IndexWrite.of(new EnrichedArticle(article(r, source, i, start), null)));
      }
      List<WriteOutcome> out = index.write(writes, false);
      long indexed = out.stream().filter(o -> o.status() == WriteOutcome.Status.indexed).count();
      assertEquals(writes.size(), indexed, "all generated articles are new");
    }
    index.refresh();
  }

  private static Article article(Random r, String source, int i, Instant start) {
    String a = WORDS[r.nextInt(WORDS.length)];
    String b = WORDS[r.nextInt(WORDS.length)];
    String place = PLACES[r.nextInt(PLACES.length)];
    double score = Math.round((r.nextDouble() * 2 - 1) * 100) / 100.0;
    SentimentLabel label =
        score > 0.2
            ? SentimentLabel.positive
            : score < -0.2 ? SentimentLabel.negative : SentimentLabel.neutral;
    String id = source + "-" + i;
    return Article.builder()
        .id(id)
        .url("https://" + source + "/berita/" + i + "/" + a.replace(' ', '-'))
        .title("Laporan " + a + " dan " + b + " di " + place + ", edisi nomor " + i)
        .body("Warga " + place + " membicarakan " + a + " dan " + b + ".")
        .source(source)
        .publisher("Penerbit " + source)
        .published(start.plus(Duration.ofMinutes(i)))
        .publishedPrecision(DatePrecision.exact)
        .lang("id")
        .keywords(List.of(a, b, place.toLowerCase(), "laporan", "warga", "edisi"))
        .entities(
            new Entities(
                List.of("Budi Santoso"), List.of("Kementerian " + b), List.of(place, "Indonesia")))
        .sentiment(new Sentiment(score, label, 0.6))
        .storyId(id)
        .wordCount(40)
        .build();
  }

  /** What one export over HTTP measured. */
  record Export(long rows, long bytes, Duration took, long peakUsedBytes, long peakAfterGcBytes) {
    double rowsPerSecond() {
      return rows / (took.toNanos() / 1e9);
    }
  }

  /**
   * Downloads the CSV of one source and counts its rows while another thread samples the heap: the
   * largest heap seen, and the largest heap seen right after a forced collection.
   */
  static Export csv(int port, String key, String source, String from, String to)
      throws IOException, InterruptedException {
    return csv(port, key, source, from, to, Duration.ofMillis(100));
  }

  /** As above, forcing a collection every {@code gcEvery}. */
  static Export csv(int port, String key, String source, String from, String to, Duration gcEvery)
      throws IOException, InterruptedException {
    int gcTicks = (int) Math.max(1, gcEvery.toMillis() / 20);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong peak = new AtomicLong();
    AtomicLong peakAfterGc = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              int tick = 0;
              while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                if (tick++ % gcTicks == 0) {
                  System.gc();
                  peakAfterGc.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                }
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + port
                + "/api/reports/coverage.csv?source="
                + source
                + "&from="
                + from
                + "&to="
                + to);
    long start = System.nanoTime();
    sampler.start();
    long lines = 0;
    long bytes = 0;
    HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
    c.setRequestProperty("X-API-Key", key);
    try (InputStream in = c.getInputStream()) {
      assertEquals(200, c.getResponseCode());
      byte[] buf = new byte[64 * 1024];
      int n;
      boolean lineStart = true;
      boolean comment = false;
      while ((n = in.read(buf)) > 0) {
        bytes += n;
        for (int k = 0; k < n; k++) {
          if (lineStart) {
            comment = buf[k] == '#';
            lineStart = false;
          }
          if (buf[k] == '\n') {
            if (!comment) {
              lines++;
            }
            lineStart = true;
          }
        }
      }
    } finally {
      running.set(false);
      sampler.join();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    // Minus the header row.
    return new Export(lines - 1, bytes, took, peak.get(), peakAfterGc.get());
  }
}
