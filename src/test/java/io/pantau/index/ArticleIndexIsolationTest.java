package io.pantau.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pantau.article.Article;
import io.pantau.article.DatePrecision;
import io.pantau.article.EnrichedArticle;
import io.pantau.article.Fingerprint;
import io.pantau.testsupport.ElasticsearchResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The index writer on the real Elasticsearch: an article that no partition can hold fails alone.
 * Ingest refuses such dates at the door; this is the second line, for whatever else a single
 * article can carry that makes its partition impossible.
 */
@QuarkusTest
@QuarkusTestResource(ElasticsearchResource.class)
class ArticleIndexIsolationTest {
  @Inject ArticleIndex index;

  @Test
  void anArticleWhosePartitionCannotBeNamedFailsAloneAndTheOthersAreIndexed() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<IndexWrite> writes =
        List.of(
            write(run + "-a", Instant.parse("2025-06-16T08:00:00Z")),
            write(run + "-b", Instant.parse("+1000000000-01-01T00:00:00Z")),
            write(run + "-c", Instant.parse("2025-06-17T08:00:00Z")));

    List<WriteOutcome> out = index.write(writes, true);

    assertEquals(WriteOutcome.Status.indexed, out.get(0).status(), "" + out.get(0));
    assertEquals(WriteOutcome.Status.failed, out.get(1).status(), "" + out.get(1));
    assertTrue(out.get(1).error().startsWith("cannot be stored: "), out.get(1).error());
    assertEquals(WriteOutcome.Status.indexed, out.get(2).status(), "" + out.get(2));
    assertTrue(index.get(run + "-a").isPresent());
    assertTrue(index.get(run + "-c").isPresent());
  }

  private static IndexWrite write(String id, Instant published) {
    Article a =
        Article.builder()
            .id(id)
            .url("https://isolation.example/" + id)
            .title("Isolation " + id)
            .body("Harga beras naik di pasar induk untuk artikel " + id + ".")
            .source("isolation.example")
            .published(published)
            .publishedPrecision(DatePrecision.exact)
            .fetched(Instant.parse("2025-06-18T00:00:00Z"))
            .ingested(Instant.now())
            .lang("id")
            .build();
    return IndexWrite.of(new EnrichedArticle(a, Fingerprint.NONE));
  }
}
