package io.pantau.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** Request builders with the test keys, shared by the component tests. */
public final class Api {
  public static final String EDITOR = "test-editor-key";
  public static final String VIEWER = "test-viewer-key";

  private Api() {}

  public static RequestSpecification asEditor() {
    return given().header("X-API-Key", EDITOR);
  }

  public static RequestSpecification asViewer() {
    return given().header("X-API-Key", VIEWER);
  }

  /** The admin key Pantau generated into its data directory on first start. */
  public static String adminKey() {
    try {
      return Files.readString(ElasticsearchResource.dataDir().resolve("admin.key")).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Posts one article as an editor, waits until it is searchable, checks that it was indexed (201,
   * status "indexed") and gives its id.
   */
  public static String storeArticle(Object article) {
    return asEditor()
        .contentType(ContentType.JSON)
        .body(article)
        .queryParam("refresh", "wait_for")
        .post("/api/articles")
        .then()
        .statusCode(201)
        .body("items[0].status", equalTo("indexed"))
        .extract()
        .path("items[0].id");
  }

  /**
   * The ids of the articles a search finds (its first 100), as a sorted set; {@code params} are
   * more query parameters as name, value pairs ({@code "from", "2019-01-01"}).
   */
  public static SortedSet<String> searchIds(String q, String... params) {
    RequestSpecification r = asViewer().queryParam("q", q).queryParam("size", 100);
    for (int i = 0; i + 1 < params.length; i += 2) {
      r = r.queryParam(params[i], params[i + 1]);
    }
    List<String> ids =
        r.get("/api/articles").then().statusCode(200).extract().jsonPath().getList("items.id");
    return new TreeSet<>(ids);
  }

  public static RequestSpecification asAdmin() {
    return given().header("X-API-Key", adminKey());
  }

  /** A file under ../shared, when the shared folder is there: {@link SharedData#file}. */
  public static Optional<Path> shared(String relative) {
    return SharedData.file(relative);
  }
}
