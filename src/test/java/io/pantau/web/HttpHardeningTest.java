package io.pantau.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.pantau.testsupport.Api;
import io.pantau.testsupport.ElasticsearchResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ElasticsearchResource.class)
class HttpHardeningTest {
  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none';"
          + " base-uri 'self'; form-action 'self'";

  private static void hasSecurityHeaders(ValidatableResponse r) {
    r.header("Content-Security-Policy", equalTo(CSP))
        .header("X-Content-Type-Options", equalTo("nosniff"))
        .header("Referrer-Policy", equalTo("no-referrer"))
        .header("X-Frame-Options", equalTo("DENY"));
  }

  @Test
  void everyKindOfAnswerCarriesTheSecurityHeaders() {
    hasSecurityHeaders(Api.asViewer().get("/api/articles?size=1").then().statusCode(200));
    hasSecurityHeaders(given().get("/api/articles").then().statusCode(401));
    hasSecurityHeaders(Api.asViewer().get("/api/analytics/volume?tz=Mars").then().statusCode(400));
    hasSecurityHeaders(given().get("/").then());
    hasSecurityHeaders(given().get("/q/health/ready").then());
    hasSecurityHeaders(given().get("/no/such/page").then().statusCode(404));
  }

  @Test
  void corsIsOffSoNoOtherOriginIsAllowed() {
    given()
        .header("Origin", "https://evil.example")
        .header("X-API-Key", Api.VIEWER)
        .get("/api/articles?size=1")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", nullValue())
        .header("Access-Control-Allow-Credentials", nullValue());
    given()
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "X-API-Key, Content-Type")
        .options("/api/articles")
        .then()
        .header("Access-Control-Allow-Origin", nullValue())
        .header("Access-Control-Allow-Methods", nullValue())
        .header("Access-Control-Allow-Headers", nullValue());
  }

  @Test
  void aTooDeeplyNestedBodyADuplicateFieldAndAWrongTypeAreProblems() {
    Api.asEditor()
        .contentType("application/json")
        .body("{\"body\":" + "[".repeat(5000) + "]".repeat(5000) + "}")
        .post("/api/articles")
        .then()
        .statusCode(400)
        .contentType(startsWith(Problem.MEDIA_TYPE))
        .body("detail", startsWith("The JSON body breaks a size limit"));
    Api.asViewer()
        .contentType("application/json")
        .body("{\"query\":\"a\",\"query\":\"b\"}")
        .post("/api/alerts/preview")
        .then()
        .statusCode(400)
        .contentType(startsWith(Problem.MEDIA_TYPE))
        .body("status", equalTo(400));
    Api.asEditor()
        .contentType("application/json")
        .body("{\"name\":\"x\",\"query\":\"a\",\"threshold\":\"high\"}")
        .post("/api/alerts")
        .then()
        .statusCode(400)
        .contentType(startsWith(Problem.MEDIA_TYPE))
        .body("detail", equalTo("threshold must be a number."));
  }

  @Test
  void datesBeyondTheYear9999AreRefusedByName() {
    Api.asViewer()
        .get("/api/analytics/sentiment?from=-999999999-01-01T00:00:00Z")
        .then()
        .statusCode(400)
        .body("detail", equalTo("from must lie between the years 1 and 9999."));
    Api.asViewer()
        .get("/api/articles?to=0000-12-31T00:00:00Z")
        .then()
        .statusCode(400)
        .body("detail", equalTo("to must lie between the years 1 and 9999."));
  }
}
