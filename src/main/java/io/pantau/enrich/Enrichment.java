package io.pantau.enrich;

import io.pantau.article.Article;
import io.pantau.article.EnrichedArticle;
import io.pantau.article.Fingerprint;
import io.pantau.text.Words;
import java.util.List;

/**
 * The ordered list of enrichers that every article passes through. Thread-safe and stateless after
 * construction.
 */
public final class Enrichment {
  private final List<Enricher> enrichers;

  public Enrichment(List<Enricher> enrichers) {
    this.enrichers = List.copyOf(enrichers);
  }

  /** The default pipeline. */
  public static Enrichment standard() {
    return new Enrichment(List.of(new WordCount()));
  }

  /** Enriches a cleaned article. Never throws for odd text; unknown languages degrade. */
  public EnrichedArticle enrich(Article cleaned) {
    Article a = cleaned;
    for (Enricher e : enrichers) {
      a = e.apply(a);
    }
    return new EnrichedArticle(a, Fingerprint.NONE);
  }

  /** One enrichment step. */
  public interface Enricher {
    Article apply(Article article);
  }

  static final class WordCount implements Enricher {
    @Override
    public Article apply(Article article) {
      return article.toBuilder().wordCount(Words.count(article.body())).build();
    }
  }
}
