package io.pantau.enrich;

import io.pantau.article.Article;
import io.pantau.article.EnrichedArticle;
import io.pantau.article.Entities;
import io.pantau.article.Fingerprint;
import io.pantau.enrich.eval.EvaluationHarness;
import io.pantau.testsupport.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH microbenchmarks of the enrichment steps over 600-word news articles built from the IndoSum
 * bodies under {@code shared/data} (the articles of the evaluation harness's throughput figure).
 * Each step reads pre-tokenised texts, so the figures add up to the whole enrichment.
 *
 * <p>Run: {@code mvn -B -ntp -Pjmh test-compile} (options in {@code -Djmh.args=...}, default a
 * short run of every benchmark here).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EnrichmentBenchmark {
  private static final int ARTICLES = 200;

  private Enrichment enrichment;
  private Article[] articles;
  private AnalyzedText[] texts;
  private Language[] languages;
  private int next;

  /** Loads and tokenises the articles once. */
  @Setup
  public void setUp() {
    Path file = SharedData.path("data/indosum-news/articles.jsonl");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("benchmark data absent: " + file);
    }
    enrichment = Enrichment.standard();
    List<Article> list = EvaluationHarness.articles(file, ARTICLES);
    articles = list.toArray(new Article[0]);
    texts = new AnalyzedText[ARTICLES];
    languages = new Language[ARTICLES];
    for (int i = 0; i < ARTICLES; i++) {
      texts[i] = enrichment.analyze(articles[i].title(), articles[i].body());
      languages[i] = enrichment.languages().identify(texts[i], null);
    }
  }

  private int index() {
    int i = next;
    next = i + 1 == ARTICLES ? 0 : i + 1;
    return i;
  }

  /** Everything: tokenising, every step and building the enriched article. */
  @Benchmark
  public EnrichedArticle enrichment() {
    return enrichment.enrich(articles[index()]);
  }

  @Benchmark
  public AnalyzedText tokenise() {
    Article a = articles[index()];
    return enrichment.analyze(a.title(), a.body());
  }

  @Benchmark
  public Language language() {
    return enrichment.languages().identify(texts[index()], null);
  }

  @Benchmark
  public KeyphraseExtractor.Result keyphrases() {
    int i = index();
    return enrichment.keyphrases().extract(texts[i], languages[i]);
  }

  @Benchmark
  public Entities entities() {
    int i = index();
    return enrichment.entities().extract(texts[i], languages[i]).entities();
  }

  @Benchmark
  public Object sentiment() {
    int i = index();
    return enrichment.sentiment().analyze(texts[i], languages[i]);
  }

  @Benchmark
  public Fingerprint minhash() {
    return MinHash.of(texts[index()]);
  }
}
