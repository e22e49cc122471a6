package io.pantau.enrich.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantau.article.Article;
import io.pantau.article.EnrichedArticle;
import io.pantau.article.Entities;
import io.pantau.enrich.Enrichment;
import io.pantau.testsupport.SharedData;
import io.pantau.text.Fold;
import io.pantau.text.Words;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Measures enrichment on the labelled development sets under {@code shared/data}: per-class
 * sentiment precision, recall and F1 next to a plain lexicon word-count baseline measured in the
 * same run, language accuracy, keyphrase precision at 5, entity precision, recall and F1, and the
 * CPU cost of enriching a 600-word article with the JIT warm. Only held-out rows ({@link Held}) are
 * scored.
 *
 * <p>Usage: {@code java -cp ... io.pantau.enrich.eval.EvaluationHarness [sharedDir] [rowsPerFile]
 * [throughputArticles]}; defaults {@code ../shared}, all rows, 5000.
 */
public final class EvaluationHarness {
  static final int WORDS_PER_ARTICLE = 600;
  private static final int MIN_WARM_UP_PASSES = 5;
  private static final int MAX_WARM_UP_PASSES = 25;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Enrichment enrichment = Enrichment.standard();
  private final Enrichment lexiconOnly = Enrichment.lexiconSentiment();
  private final Map<String, Map<String, Integer>> baselineLexicon = new HashMap<>();
  private final PrintStream out;

  EvaluationHarness(PrintStream out) {
    this.out = out;
    baselineLexicon.put("id", lexicon("io/pantau/enrich/sentiment/id.tsv"));
    baselineLexicon.put("en", lexicon("io/pantau/enrich/sentiment/en.tsv"));
  }

  /** What one run measured. */
  record Report(
      Map<String, Scores> sentiment,
      Map<String, Scores> lexicon,
      Map<String, Scores> baseline,
      double languageAccuracy,
      int languageRows,
      double keyphrasePrecisionAt5,
      double keyphraseRecallAt5,
      Scores entities,
      double cpuMicrosPerArticle) {}

  /**
   * Runs the evaluation and prints the figures.
   *
   * @param args shared folder, rows per file (0 for all), articles for the throughput run
   */
  public static void main(String[] args) {
    Path shared = args.length > 0 ? Path.of(args[0]) : SharedData.dir();
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    int articles = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
    new EvaluationHarness(System.out).run(shared, rows, articles);
  }

  Report run(Path shared, int rowsPerFile, int throughputArticles) {
    Path data = shared.resolve("data");
    int limit = rowsPerFile <= 0 ? Integer.MAX_VALUE : rowsPerFile;
    Map<String, Scores> sentiment = new LinkedHashMap<>();
    Map<String, Scores> lexicon = new LinkedHashMap<>();
    Map<String, Scores> baseline = new LinkedHashMap<>();
    Scores language = new Scores();
    int[] languageRows = {0};
    for (String file :
        List.of(
            "cnbc-id-headlines-dev.jsonl",
            "newsmtsc-en-dev.jsonl",
            "nusax-id-en-dev.jsonl",
            "smsa-id-dev.jsonl")) {
      Scores s = new Scores();
      Scores l = new Scores();
      Scores b = new Scores();
      Set<String> sentences = new HashSet<>();
      rows(
          data.resolve("sentiment-dev").resolve(file),
          limit,
          row -> {
            // NewsMTSC repeats a sentence once per target; the document tone is scored once
            String text = row.path("text").asText();
            if (!sentences.add(text)) {
              return;
            }
            String lang = row.path("lang").asText();
            String gold = row.path("label").asText();
            EnrichedArticle e = enrich(text, lang);
            s.classify(gold, e.article().sentiment().label().name());
            l.classify(
                gold,
                lexiconOnly
                    .enrich(Article.builder().body(text).lang(lang).build())
                    .article()
                    .sentiment()
                    .label()
                    .name());
            b.classify(gold, baselineLabel(text, lang));
            EnrichedArticle detected = enrich(text, null);
            language.classify(lang, String.valueOf(detected.article().lang()));
            languageRows[0]++;
          });
      sentiment.put(file, s);
      lexicon.put(file, l);
      baseline.put(file, b);
    }
    rows(
        data.resolve("indosum-news").resolve("articles.jsonl"),
        Math.min(limit, 1000),
        row -> {
          EnrichedArticle e = enrich(row.path("body").asText(), null);
          language.classify("id", String.valueOf(e.article().lang()));
          languageRows[0]++;
        });
    double[] keyphrases =
        keyphrases(data.resolve("keyphrase-dev").resolve("keps-id-dev.jsonl"), limit);
    Scores entities = entities(data.resolve("ner-dev").resolve("idner-news-2k-dev.jsonl"), limit);
    double cpu =
        throughput(data.resolve("indosum-news").resolve("articles.jsonl"), throughputArticles);
    Report report =
        new Report(
            sentiment,
            lexicon,
            baseline,
            language.accuracy(),
            languageRows[0],
            keyphrases[0],
            keyphrases[1],
            entities,
            cpu);
    print(report, language);
    return report;
  }

  private void print(Report r, Scores language) {
    out.println(
        "== Sentiment (held-out rows): standard pipeline, lexicon and rules, plain lexicon word"
            + " count");
    for (String file : r.sentiment().keySet()) {
      out.println("  " + file + " standard accuracy " + fmt(r.sentiment().get(file).accuracy()));
      out.print(r.sentiment().get(file).table());
      out.println("  lexicon accuracy " + fmt(r.lexicon().get(file).accuracy()));
      out.print(r.lexicon().get(file).table());
      out.println("  baseline accuracy " + fmt(r.baseline().get(file).accuracy()));
      out.print(r.baseline().get(file).table());
    }
    out.println(
        "== Language: accuracy "
            + fmt(r.languageAccuracy())
            + " over "
            + r.languageRows()
            + " texts");
    out.print(language.table());
    out.println(
        "== Keyphrases (KEPS held-out): P@5 "
            + fmt(r.keyphrasePrecisionAt5())
            + "  R@5 "
            + fmt(r.keyphraseRecallAt5()));
    out.println("== Entities (idner held-out, exact folded canonical names)");
    out.print(r.entities().table());
    out.println(
        "== Throughput: "
            + fmt(r.cpuMicrosPerArticle() / 1000.0)
            + " ms CPU per "
            + WORDS_PER_ARTICLE
            + "-word article");
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private EnrichedArticle enrich(String body, String lang) {
    return enrichment.enrich(Article.builder().body(body).lang(lang).build());
  }

  private double[] keyphrases(Path file, int limit) {
    int[] counts = new int[3]; // hits, predicted, gold
    rows(
        file,
        limit,
        row -> {
          Set<String> gold = new HashSet<>();
          row.path("keyphrases").forEach(k -> gold.add(Fold.fold(k.asText())));
          List<String> predicted = enrich(row.path("text").asText(), "id").article().keyphrases();
          int k = Math.min(5, predicted.size());
          for (int i = 0; i < k; i++) {
            if (gold.contains(Fold.fold(predicted.get(i)))) {
              counts[0]++;
            }
          }
          counts[1] += k;
          counts[2] += Math.min(5, gold.size());
        });
    return new double[] {
      counts[1] == 0 ? 0 : counts[0] / (double) counts[1],
      counts[2] == 0 ? 0 : counts[0] / (double) counts[2]
    };
  }

  private Scores entities(Path file, int limit) {
    Scores scores = new Scores();
    rows(
        file,
        limit,
        row -> {
          Entities predicted = enrich(row.path("text").asText(), "id").article().entities();
          JsonNode gold = row.path("entities");
          compare(scores, "person", gold.path("persons"), predicted.persons());
          compare(scores, "organization", gold.path("organizations"), predicted.organizations());
          compare(scores, "place", gold.path("places"), predicted.places());
        });
    return scores;
  }

  /** Gold names are mapped to their canonical form first: Pantau stores canonical names. */
  private void compare(Scores scores, String label, JsonNode gold, List<String> predicted) {
    Set<String> g = new HashSet<>();
    gold.forEach(n -> g.add(Fold.fold(enrichment.canonicalEntity(n.asText(), "id"))));
    Set<String> p = new HashSet<>();
    predicted.forEach(n -> p.add(Fold.fold(n)));
    int tp = 0;
    for (String name : p) {
      if (g.contains(name)) {
        tp++;
      }
    }
    scores.add(label, tp, p.size() - tp, g.size() - tp);
  }

  /** Average CPU microseconds per 600-word article over {@code count} articles, JIT warm. */
  private double throughput(Path file, int count) {
    if (count <= 0) {
      return 0;
    }
    List<Article> articles = articles(file, Math.min(count, 1000));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int warmUp = warmUp(articles, threads);
    out.println("== Throughput warm-up: " + warmUp + " articles enriched before measuring");
    long start = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < count; i++) {
      enrichment.enrich(articles.get(i % articles.size()));
    }
    return (threads.getCurrentThreadCpuTime() - start) / 1000.0 / count;
  }

  /**
   * Enriches the articles pass after pass until the JIT has settled: until one pass costs within 3%
   * of the one before, after at least {@link #MIN_WARM_UP_PASSES} passes, or at most {@link
   * #MAX_WARM_UP_PASSES} passes. A fixed warm-up of 5,000 articles had left compilation still
   * running into the measured window (a pass of 1,000 articles fell from 0.52 to 0.35 ms per
   * article between the fifth and eighth thousand).
   *
   * @return how many articles were enriched
   */
  private int warmUp(List<Article> articles, ThreadMXBean threads) {
    long previous = Long.MAX_VALUE;
    int passes = 0;
    while (passes < MAX_WARM_UP_PASSES) {
      long start = threads.getCurrentThreadCpuTime();
      for (Article a : articles) {
        enrichment.enrich(a);
      }
      long cost = threads.getCurrentThreadCpuTime() - start;
      passes++;
      if (passes >= MIN_WARM_UP_PASSES && Math.abs(cost - previous) <= 0.03 * previous) {
        break;
      }
      previous = cost;
    }
    return passes * articles.size();
  }

  /**
   * Cleaned articles of about 600 words, built from whole paragraphs of the news bodies in a
   * JSON-Lines file; what the throughput figure and the microbenchmarks measure.
   *
   * @param file a JSON-Lines file whose rows have a {@code body}
   * @param count how many articles
   */
  public static List<Article> articles(Path file, int count) {
    List<String> bodies = new ArrayList<>();
    rowsAll(file, 2000, row -> bodies.add(row.path("body").asText()));
    List<Article> articles = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    int words = 0;
    for (int i = 0; articles.size() < count; i = (i + 1) % bodies.size()) {
      for (String paragraph : bodies.get(i).split("\n\n")) {
        if (words >= WORDS_PER_ARTICLE) {
          break;
        }
        body.append(body.length() == 0 ? "" : "\n\n").append(paragraph);
        words += Words.count(paragraph);
      }
      if (words >= WORDS_PER_ARTICLE) {
        articles.add(Article.builder().title(null).body(body.toString()).build());
        body.setLength(0);
        words = 0;
      }
    }
    return articles;
  }

  private String baselineLabel(String text, String lang) {
    Map<String, Integer> lexicon = baselineLexicon.getOrDefault(lang, baselineLexicon.get("en"));
    int score = 0;
    for (String word : Fold.fold(text).split("[^\\p{L}\\p{N}'-]+")) {
      Integer w = lexicon.get(word);
      if (w != null) {
        score += Integer.signum(w);
      }
    }
    return score > 0 ? "positive" : score < 0 ? "negative" : "neutral";
  }

  private static Map<String, Integer> lexicon(String resource) {
    Map<String, Integer> out = new HashMap<>();
    try (InputStream in = EvaluationHarness.class.getClassLoader().getResourceAsStream(resource)) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t");
        if (!line.startsWith("#") && f.length == 2) {
          out.put(f[0], Integer.parseInt(f[1].strip()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Held-out rows of a JSON-Lines file, at most {@code limit}. */
  private static void rows(Path file, int limit, Consumer<JsonNode> each) {
    int[] seen = {0};
    rowsAll(
        file,
        Integer.MAX_VALUE,
        row -> {
          if (seen[0] < limit && Held.out(row.path("id").asText())) {
            seen[0]++;
            each.accept(row);
          }
        });
  }

  private static void rowsAll(Path file, int limit, Consumer<JsonNode> each) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int n = 0;
      for (String line = r.readLine(); line != null && n < limit; line = r.readLine()) {
        if (!line.isBlank()) {
          each.accept(JSON.readTree(line));
          n++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
