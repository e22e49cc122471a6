package io.pantau.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.pantau.testsupport.UsesDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@UsesDatabase
class ApiKeyAdminTest {

  @Test
  void theGeneratedAdminKeyIsWrittenOwnerOnlyAndWorks() throws IOException {
    Path file = ElasticsearchResource.dataDir().resolve("admin.key");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    Api.asAdmin()
        .get("/api/keys")
        .then()
        .statusCode(200)
        .body("name", hasItem("admin"))
        .body("origin", hasItem("generated"));
  }

  @Test
  void anAdminCreatesAKeyThatWorksUntilItIsRevoked() {
    Map<?, ?> issued =
        Api.asAdmin()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "reporting", "role", "viewer"))
            .post("/api/keys")
            .then()
            .statusCode(201)
            .body("key", startsWith("pk_"))
            .body("role", equalTo("viewer"))
            .extract()
            .as(Map.class);
    String key = (String) issued.get("key");
    long id = ((Number) issued.get("id")).longValue();
    given().header("X-API-Key", key).get("/api/articles").then().statusCode(200);
    given().header("X-API-Key", key).get("/api/keys").then().statusCode(403);
    Api.asAdmin()
        .get("/api/keys")
        .then()
        .body("prefix", hasItem(key.substring(0, 8)))
        .body("key", not(hasItem(key)));
    Api.asAdmin().delete("/api/keys/" + id).then().statusCode(204);
    Api.asAdmin().delete("/api/keys/" + id).then().statusCode(404);
  }

  @Test
  void badKeyRequestsAreRefused() {
    Api.asAdmin()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "x", "role", "superuser"))
        .post("/api/keys")
        .then()
        .statusCode(400)
        .body("detail", equalTo("role must be viewer, editor or admin."));
  }
}
