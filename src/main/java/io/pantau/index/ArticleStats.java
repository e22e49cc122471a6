package io.pantau.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalDouble;

/** Aggregate figures over the articles an {@link ArticleSearch} selects. */
@ApplicationScoped
public class ArticleStats {
  private final ElasticsearchClient es;
  private final IndexBootstrap bootstrap;
  private final QueryTranslator translator = new QueryTranslator();

  ArticleStats(ElasticsearchClient es, IndexBootstrap bootstrap) {
    this.es = es;
    this.bootstrap = bootstrap;
  }

  /** How many articles match and their average sentiment score (paging ignored). */
  public record SentimentSummary(long articles, OptionalDouble averageScore) {}

  /** The count and average sentiment score of the matching articles; one aggregation, no hits. */
  public SentimentSummary sentiment(ArticleSearch search) {
    bootstrap.bootstrap();
    Query query = translator.toQuery(search);
    SearchResponse<Void> r =
        ArticleIndex.call(
            () ->
                es.search(
                    s ->
                        s.index(IndexNames.ARTICLES)
                            .size(0)
                            .trackTotalHits(t -> t.enabled(true))
                            .query(query)
                            .aggregations("avg", a -> a.avg(v -> v.field("sentiment.score"))),
                    Void.class));
    long total = r.hits().total() == null ? 0 : r.hits().total().value();
    Aggregate avg = r.aggregations().get("avg");
    Double value = avg == null ? null : avg.avg().value();
    return new SentimentSummary(
        total,
        total == 0 || value == null || value.isNaN()
            ? OptionalDouble.empty()
            : OptionalDouble.of(value));
  }
}
