package io.pantau.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.ObjectBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/** Aggregate figures over the articles an {@link ArticleSearch} selects. */
@ApplicationScoped
public class ArticleStats {
  private final ElasticsearchClient es;
  private final IndexBootstrap bootstrap;

  ArticleStats(ElasticsearchClient es, IndexBootstrap bootstrap) {
    this.es = es;
    this.bootstrap = bootstrap;
  }

  /** How many articles match and their average sentiment score (paging ignored). */
  public record SentimentSummary(long articles, OptionalDouble averageScore) {}

  /** The count and average sentiment score of the matching articles; one aggregation, no hits. */
  public SentimentSummary sentiment(ArticleSearch search) {
    SearchResponse<Void> r =
        aggregateOnly(search, "avg", a -> a.avg(v -> v.field(Fields.SENTIMENT_SCORE)));
    long total = r.hits().total() == null ? 0 : r.hits().total().value();
    Aggregate avg = r.aggregations().get("avg");
    Double value = avg == null ? null : avg.avg().value();
    return new SentimentSummary(
        total,
        total == 0 || value == null || value.isNaN()
            ? OptionalDouble.empty()
            : OptionalDouble.of(value));
  }

  /**
   * A story among the matching articles.
   *
   * @param storyId the story
   * @param articles its articles among the matching ones
   * @param title the title of its earliest matching article
   * @param source the source of that article
   */
  public record StoryCount(String storyId, long articles, String title, String source) {}

  /**
   * The stories with the most matching articles, most first; one aggregation whose buckets carry
   * their earliest article's title and source.
   */
  public List<StoryCount> topStories(ArticleSearch search, int size) {
    SearchResponse<Void> r =
        aggregateOnly(
            search,
            "stories",
            a ->
                a.terms(t -> t.field(Fields.STORY_ID).size(size))
                    .aggregations(
                        "first",
                        f ->
                            f.topHits(
                                h ->
                                    h.size(1)
                                        .source(
                                            src ->
                                                src.filter(
                                                    x -> x.includes(Fields.TITLE, Fields.SOURCE)))
                                        .sort(
                                            o ->
                                                o.field(
                                                    x ->
                                                        x.field(Fields.PUBLISHED)
                                                            .order(SortOrder.Asc))))));
    Aggregate a = r.aggregations().get("stories");
    if (a == null || !a.isSterms()) {
      return List.of();
    }
    List<StoryCount> out = new ArrayList<>();
    for (StringTermsBucket b : a.sterms().buckets().array()) {
      String title = null;
      String source = null;
      var hits = b.aggregations().get("first").topHits().hits().hits();
      if (!hits.isEmpty() && hits.get(0).source() != null) {
        ArticleDocument d = hits.get(0).source().to(ArticleDocument.class);
        title = d.title();
        source = d.source();
      }
      out.add(new StoryCount(b.key().stringValue(), b.docCount(), title, source));
    }
    return out;
  }

  /** One search with no hits and a single aggregation over the selected articles. */
  private SearchResponse<Void> aggregateOnly(
      ArticleSearch search,
      String name,
      Function<Aggregation.Builder, ObjectBuilder<Aggregation>> aggregation) {
    bootstrap.bootstrap();
    Query query = SelectionQuery.search(search);
    return ArticleIndex.call(
        () ->
            es.search(
                s ->
                    s.index(IndexNames.ARTICLES)
                        .size(0)
                        .trackTotalHits(t -> t.enabled(true))
                        .query(query)
                        .aggregations(name, aggregation),
                Void.class));
  }
}
