package io.pantau.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An index written before stems existed (documents with the old search fields only, as the previous
 * version wrote them) is migrated in place: nothing lost, inflections found afterwards, the stored
 * articles unchanged, a second run finds nothing left, and an article whose full text was never
 * stored keeps the full-text search it had.
 */
@QuarkusTest
@QuarkusTestResource(ElasticsearchResource.class)
class SearchTextMigrationTest {
  @Inject ElasticsearchClient es;
  @Inject IndexBootstrap bootstrap;
  @Inject SearchTextMigration migration;

  /** A document in the layout of the version before stems: search.title and search.body only. */
  private void oldDocument(
      String id, String lang, String title, String storedBody, String searchBody, String aiUse)
      throws IOException {
    String json =
        """
        {"id":"%1$s","url":"https://lama.example/%1$s","title":"%2$s","body":"%3$s",
         "source":"lama.example","lang":"%4$s","published":"2019-05-01T08:00:00Z",
         "publishedPrecision":"exact","fetched":"2019-05-01T09:00:00Z",
         "ingested":"2019-05-01T09:00:00Z","rights":{"aiUse":"%6$s"},"wordCount":12,
         "search":{"title":"%2$s","body":"%5$s"}}
        """
            .formatted(id, title, storedBody, lang, searchBody, aiUse);
    String partition = bootstrap.ensurePartition(Instant.parse("2019-05-01T08:00:00Z"));
    es.index(i -> i.index(partition).id(id).withJson(new StringReader(json)));
  }

  private static Set<String> search(String q) {
    return Api.searchIds(q, "from", "2019-01-01", "to", "2020-01-01");
  }

  @Test
  void anIndexFromBeforeStemsIsMigratedWithoutLosingAnArticle() throws IOException {
    bootstrap.bootstrap();
    String tag = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    oldDocument(
        tag + "-1",
        "id",
        "Jakarta kebanjiran lagi",
        "Warga mengungsi " + tag,
        "jakarta kebanjiran lagi warga mengungsi " + tag,
        "unknown");
    oldDocument(
        tag + "-2",
        "en",
        "River flooded the town",
        "Shops closed " + tag,
        "river flooded the town shops closed " + tag,
        "unknown");
    oldDocument(tag + "-3", "fr", "Inondations a Paris", "Paris " + tag, "paris " + tag, "unknown");
    // Rights forbid AI use: only a snippet was stored, the full text is in the index alone.
    oldDocument(
        tag + "-4",
        "id",
        "Rob di pesisir",
        "Air laut…",
        "air laut membanjiri pesisir utara " + tag,
        "prohibited");
    es.indices().refresh(r -> r.index(IndexNames.ARTICLES));

    assertEquals(Set.of(), search("banjir " + tag), "stems before the migration?");
    assertTrue(migration.pending() >= 3, "pending " + migration.pending());

    SearchTextMigration.Result result = migration.run();

    assertTrue(result.migrated() + result.changedMeanwhile() >= 3, result.toString());
    assertEquals(0, result.failed(), result.toString());
    assertEquals(0, migration.pending(), "left after a run");
    assertEquals(0, migration.run().pendingAtStart(), "a second run finds nothing");
    assertEquals(
        new TreeSet<>(List.of(tag + "-1", tag + "-2", tag + "-3", tag + "-4")), search(tag));
    assertEquals(Set.of(tag + "-1"), search("banjir " + tag));
    assertEquals(Set.of(tag + "-2"), search("flood " + tag));
    assertEquals(Set.of(tag + "-3"), search("inondations " + tag));
    // Kept as it was: still found by the words of its full text, which was never stored.
    assertEquals(Set.of(tag + "-4"), search("\"membanjiri\" " + tag));
    // The stored article is what it was.
    Api.asViewer()
        .get("/api/articles/" + tag + "-1")
        .then()
        .statusCode(200)
        .body("title", org.hamcrest.Matchers.equalTo("Jakarta kebanjiran lagi"))
        .body("body", org.hamcrest.Matchers.equalTo("Warga mengungsi " + tag));
  }
}
