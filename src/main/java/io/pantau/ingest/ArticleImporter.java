package io.pantau.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.article.RawArticle;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Loads articles from files: JSON (an object or an array), JSON Lines / NDJSON (optionally
 * gzipped), and raw scraped documents. Streams large files in batches and prints progress.
 */
@ApplicationScoped
public class ArticleImporter {
  private static final Duration WAIT_FOR_ROOM = Duration.ofMinutes(5);

  private final IngestService ingest;
  private final ObjectMapper json;

  ArticleImporter(IngestService ingest, ObjectMapper json) {
    this.ingest = ingest;
    this.json = json;
  }

  /**
   * What an import did.
   *
   * @param files files read
   * @param indexed articles newly stored
   * @param duplicates articles that were already stored
   * @param rejected articles refused, with the reason logged
   * @param elapsed wall time
   */
  public record Summary(int files, long indexed, long duplicates, long rejected, Duration elapsed) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "Imported %d file(s): %d indexed, %d duplicate(s), %d rejected in %.1f s",
          files,
          indexed,
          duplicates,
          rejected,
          elapsed.toMillis() / 1000.0);
    }
  }

  /** Imports one file, or every importable file below a folder in name order. */
  public Summary importPath(Path path, PrintStream out) throws IOException {
    return importPath(path, out, false);
  }

  /**
   * Imports one file, or every importable file below a folder in name order.
   *
   * @param logLines print progress as separate lines (for logs) rather than a redrawn bar
   */
  public Summary importPath(Path path, PrintStream out, boolean logLines) throws IOException {
    Instant t0 = Instant.now();
    List<Path> files = importableFiles(path);
    long totalBytes = 0;
    for (Path f : files) {
      totalBytes += Files.size(f);
    }
    Progress progress = new Progress(out, totalBytes, logLines);
    List<CompletableFuture<ItemResult>> pending = new ArrayList<>();
    long[] counts = new long[3];
    for (Path f : files) {
      for (List<RawArticle> batch : batches(f, progress)) {
        pending.addAll(ingest.submit(batch, false, WAIT_FOR_ROOM));
        settle(pending, counts, false);
        progress.articles(counts[0] + counts[1] + counts[2] + pending.size());
      }
    }
    settle(pending, counts, true);
    progress.done(counts[0] + counts[1] + counts[2]);
    return new Summary(
        files.size(), counts[0], counts[1], counts[2], Duration.between(t0, Instant.now()));
  }

  /**
   * Imports articles from a stream (the demo corpus generator, for instance), {@code expected} of
   * them, printing progress lines.
   */
  public Summary importArticles(Stream<RawArticle> articles, long expected, PrintStream out) {
    Instant t0 = Instant.now();
    Progress progress = new Progress(out, Math.max(1, expected), true);
    List<CompletableFuture<ItemResult>> pending = new ArrayList<>();
    long[] counts = new long[3];
    List<RawArticle> batch = new ArrayList<>();
    var it = articles.iterator();
    while (it.hasNext()) {
      batch.add(it.next());
      if (batch.size() == ingest.batchSize() || !it.hasNext()) {
        pending.addAll(ingest.submit(batch, false, WAIT_FOR_ROOM));
        progress.bytes(batch.size());
        batch = new ArrayList<>();
        settle(pending, counts, false);
        progress.articles(counts[0] + counts[1] + counts[2] + pending.size());
      }
    }
    settle(pending, counts, true);
    progress.done(counts[0] + counts[1] + counts[2]);
    return new Summary(0, counts[0], counts[1], counts[2], Duration.between(t0, Instant.now()));
  }

  /** The files an import of {@code path} reads, in a stable order. */
  List<Path> importableFiles(Path path) throws IOException {
    if (!Files.exists(path)) {
      throw new IOException("No such file or folder: " + path);
    }
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    try (Stream<Path> s = Files.walk(path)) {
      return s.filter(Files::isRegularFile).filter(this::importable).sorted().toList();
    }
  }

  private boolean importable(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".json")
        || n.endsWith(".jsonl")
        || n.endsWith(".ndjson")
        || n.endsWith(".jsonl.gz")
        || n.endsWith(".ndjson.gz")
        || n.endsWith(".txt")
        || n.endsWith(".html")
        || n.endsWith(".htm");
  }

  private Iterable<List<RawArticle>> batches(Path f, Progress progress) throws IOException {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    List<List<RawArticle>> out = new ArrayList<>();
    if (n.endsWith(".json")) {
      JsonNode node = json.readTree(f.toFile());
      List<RawArticle> all = new ArrayList<>();
      if (node.isArray()) {
        node.forEach(e -> all.add(json.convertValue(e, RawArticle.class)));
      } else {
        all.add(json.convertValue(node, RawArticle.class));
      }
      progress.bytes(Files.size(f));
      return chunk(all);
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".gz")) {
      return () -> new LineBatches(f, progress);
    }
    // Raw scraped documents may open with a front-matter block of metadata (see seeds/README.md).
    out.add(List.of(ArticleFiles.read(f)));
    progress.bytes(Files.size(f));
    return out;
  }

  private List<List<RawArticle>> chunk(List<RawArticle> all) {
    List<List<RawArticle>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += ingest.batchSize()) {
      out.add(all.subList(i, Math.min(all.size(), i + ingest.batchSize())));
    }
    return out;
  }

  /** Reads a JSON Lines file lazily, one batch at a time. */
  private final class LineBatches implements java.util.Iterator<List<RawArticle>> {
    private final BufferedReader reader;
    private final Progress progress;
    private List<RawArticle> next;

    LineBatches(Path f, Progress progress) {
      this.progress = progress;
      try {
        InputStream in = Files.newInputStream(f);
        if (f.getFileName().toString().endsWith(".gz")) {
          in = new GZIPInputStream(in);
        }
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public boolean hasNext() {
      if (next == null) {
        next = read();
      }
      return !next.isEmpty();
    }

    @Override
    public List<RawArticle> next() {
      hasNext();
      List<RawArticle> r = next;
      next = null;
      return r;
    }

    private List<RawArticle> read() {
      List<RawArticle> batch = new ArrayList<>();
      try {
        for (String line;
            batch.size() < ingest.batchSize() && (line = reader.readLine()) != null; ) {
          progress.bytes(line.length() + 1);
          if (!line.isBlank()) {
            batch.add(json.readValue(line, RawArticle.class));
          }
        }
        if (batch.isEmpty()) {
          reader.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return batch;
    }
  }

  private static void settle(
      List<CompletableFuture<ItemResult>> pending, long[] counts, boolean all) {
    var it = pending.iterator();
    while (it.hasNext()) {
      CompletableFuture<ItemResult> f = it.next();
      if (!all && !f.isDone()) {
        continue;
      }
      ItemResult r = f.join();
      switch (r.status()) {
        case indexed, queued -> counts[0]++;
        case duplicate -> counts[1]++;
        case rejected -> counts[2]++;
      }
      it.remove();
    }
  }

  /** A one-line progress bar, redrawn at most once a second. */
  private static final class Progress {
    private final PrintStream out;
    private final long totalBytes;
    private final boolean lines;
    private final long start = System.nanoTime();
    private long bytes;
    private long lastPrint;
    private int lastDecile = -1;

    Progress(PrintStream out, long totalBytes, boolean lines) {
      this.out = out;
      this.totalBytes = Math.max(1, totalBytes);
      this.lines = lines;
    }

    void bytes(long n) {
      bytes += n;
    }

    void articles(long n) {
      long now = System.nanoTime();
      if (lines) {
        int decile = (int) (10 * Math.min(1.0, bytes / (double) totalBytes));
        if (decile > lastDecile) {
          lastDecile = decile;
          print(n);
        }
        return;
      }
      if (now - lastPrint > 1_000_000_000L) {
        lastPrint = now;
        print(n);
      }
    }

    void done(long n) {
      bytes = totalBytes;
      print(n);
      if (!lines) {
        out.println();
      }
    }

    private void print(long n) {
      double frac = Math.min(1.0, bytes / (double) totalBytes);
      int width = 30;
      int filled = (int) Math.round(frac * width);
      double secs = Math.max(0.001, (System.nanoTime() - start) / 1e9);
      out.printf(
          Locale.ROOT,
          lines ? "[%s%s] %3.0f%%  %d articles  %.0f/s%n" : "\r[%s%s] %3.0f%%  %d articles  %.0f/s",
          "#".repeat(filled),
          ".".repeat(width - filled),
          frac * 100,
          n,
          n / secs);
      out.flush();
    }
  }
}
