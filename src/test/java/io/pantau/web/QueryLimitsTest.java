package io.pantau.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A query that Elasticsearch refuses as too large once it has expanded it (a prefix inside NEAR
 * over an index with tens of thousands of words of that prefix) is the client's to fix: a 400 that
 * says so, never a 200 with no results that looks like "no coverage".
 */
@QuarkusTest
@QuarkusTestResource(ElasticsearchResource.class)
class QueryLimitsTest {

  @Test
  void aPrefixThatExpandsBeyondElasticsearchsClauseLimitAnswers400NotAnEmptyPage() {
    String tag = "ql" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    StringBuilder body = new StringBuilder("Harga beras naik di pasar induk. ");
    for (int i = 0; i < 30_000; i++) {
      body.append(tag).append(Integer.toString(i, 36)).append(' ');
    }
    body.append("Pedagang berharap harga turun.");
    Api.storeArticle(
        Map.of(
            "url",
            "https://limits.example/" + tag,
            "title",
            "Daftar kata " + tag,
            "body",
            body.toString(),
            "source",
            "limits.example",
            "published",
            "2025-06-16T08:00:00Z",
            "lang",
            "id"));

    // The plain prefix is rewritten without a clause per term and finds the article.
    Api.asViewer()
        .queryParam("q", tag + "*")
        .get("/api/articles")
        .then()
        .statusCode(200)
        .body("total", equalTo(1));

    Api.asViewer()
        .queryParam("q", tag + "* NEAR/3 pasar")
        .get("/api/articles")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(400))
        .body("detail", containsString("too many"));
  }
}
