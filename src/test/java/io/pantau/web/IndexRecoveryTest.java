package io.pantau.web;

import static org.hamcrest.Matchers.equalTo;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pantau keeps storing articles when its indices are deleted while it runs. */
@QuarkusTest
@QuarkusTestResource(ElasticsearchResource.class)
class IndexRecoveryTest {

  @Inject ElasticsearchClient es;

  private static String post(String tag) {
    return Api.storeArticle(
        Map.of(
            "url", "https://recovery.example/news/" + tag,
            "title", "Banjir melanda kota " + tag,
            "body",
                "Hujan deras sejak pagi membuat sungai meluap di kota "
                    + tag
                    + ".\n\nWarga mengungsi ke sekolah terdekat dan relawan membagikan"
                    + " makanan sementara air terus naik hingga sore hari.",
            "source", "recovery.example",
            "published", "2025-06-16T08:00:00Z"));
  }

  @Test
  void articlesAreStoredAgainAfterTheIndicesWereDeletedUnderTheRunningServer() throws IOException {
    post("before-" + UUID.randomUUID().toString().substring(0, 8));
    List<String> partitions =
        es.cat().indices(c -> c.index("pantau-articles-*")).valueBody().stream()
            .map(r -> r.index())
            .toList();
    for (String index : partitions) {
      es.indices().delete(d -> d.index(index));
    }

    String id = post("after-" + UUID.randomUUID().toString().substring(0, 8));

    Api.asEditor().get("/api/articles/" + id).then().statusCode(200).body("id", equalTo(id));
  }
}
