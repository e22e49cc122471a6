package io.pantau.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pantau.article.RawArticle;
import io.pantau.demo.ArticleGenerator;
import io.pantau.demo.GeneratorSpec;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The articles posted to Pantau, as JSON Lines in the {@code POST /api/articles/_bulk} form: either
 * generated (deterministic for a seed) or a given file. Kept on disk, since 100,000 articles with
 * their HTML do not belong in the benchmark's heap.
 *
 * @param file the JSON-Lines file
 * @param count its articles
 * @param bytes its size
 * @param sample the first articles, for the alert-matching measurements
 */
record Corpus(Path file, int count, long bytes, List<RawArticle> sample) {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private static final int SAMPLE = 1000;

  static Corpus prepare(BenchOptions o) throws IOException {
    if (o.corpus().isPresent()) {
      return read(o.corpus().get());
    }
    return generate(o.out(), o.articles(), o.seed());
  }

  /**
   * Articles that warm both JVMs up before anything is timed: generated with another seed, so they
   * are other stories than the measured corpus and link to none of its articles.
   */
  static Corpus warmUp(BenchOptions o) throws IOException {
    return generate(o.out(), o.warmUpArticles(), o.seed() + 1);
  }

  private static Corpus generate(Path out, int articles, long seed) throws IOException {
    Path file = out.resolve("corpus-" + articles + "-" + seed + ".jsonl");
    Path complete = out.resolve(file.getFileName() + ".complete");
    if (Files.exists(complete)) {
      // Generation is deterministic: the same count and seed give the same file.
      return read(file);
    }
    GeneratorSpec spec = GeneratorSpec.defaults().withCount(articles).withSeed(seed);
    List<RawArticle> sample = new ArrayList<>();
    int n = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      Iterator<RawArticle> it = new ArticleGenerator().generate(spec).iterator();
      while (it.hasNext()) {
        RawArticle a = it.next();
        if (sample.size() < SAMPLE) {
          sample.add(a);
        }
        w.write(JSON.writeValueAsString(a));
        w.write('\n');
        n++;
      }
    }
    Files.writeString(complete, Integer.toString(n));
    return new Corpus(file, n, Files.size(file), sample);
  }

  private static Corpus read(Path file) throws IOException {
    List<RawArticle> sample = new ArrayList<>();
    int n = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        n++;
        if (sample.size() < SAMPLE) {
          sample.add(JSON.readValue(line, RawArticle.class));
        }
      }
    }
    return new Corpus(file, n, Files.size(file), sample);
  }

  /** The first {@code n} articles (all of them when there are no more), in a file of their own. */
  Corpus first(int n) throws IOException {
    if (n <= 0 || n >= count) {
      return this;
    }
    Path slice = file.resolveSibling(file.getFileName() + ".first-" + n);
    int kept = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        java.io.BufferedWriter w = Files.newBufferedWriter(slice, StandardCharsets.UTF_8)) {
      for (String line; kept < n && (line = r.readLine()) != null; ) {
        if (!line.isBlank()) {
          w.write(line);
          w.newLine();
          kept++;
        }
      }
    }
    return new Corpus(slice, kept, Files.size(slice), sample);
  }

  /** The file in request-sized pieces, each the NDJSON body of one bulk request. */
  Iterator<byte[]> requests(int articlesPerRequest) {
    BufferedReader r;
    try {
      r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Iterator<>() {
      private byte[] next = read();

      private byte[] read() {
        StringBuilder b = new StringBuilder();
        int lines = 0;
        try {
          for (String line; lines < articlesPerRequest && (line = r.readLine()) != null; ) {
            if (!line.isBlank()) {
              b.append(line).append('\n');
              lines++;
            }
          }
          if (lines == 0) {
            r.close();
            return null;
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public byte[] next() {
        byte[] out = next;
        next = read();
        return out;
      }
    };
  }
}
