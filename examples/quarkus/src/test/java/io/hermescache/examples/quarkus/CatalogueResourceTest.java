package io.hermescache.examples.quarkus;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.hermescache.Hermes;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service over HTTP, on the in-process backend: hits, invalidation by tag, and @Inject Hermes. */
@QuarkusTest
class CatalogueResourceTest {

  @Inject
  Hermes hermes;

  @Inject
  Catalogue catalogue;

  private int queriesBefore;
  private long hitsBefore;

  @BeforeEach
  void startCold() {
    hermes.clean();
    queriesBefore = catalogue.queries();
    hitsBefore = hermes.stats().of(Catalogue.class.getName() + ".find").hits();
  }

  @Test
  void repeatedReadsAreServedFromTheCache() {
    for (int i = 0; i < 3; i++) {
      when().get("/products/1").then().statusCode(200).body("name", is("kettle"));
    }
    assertQueries(1);
    when().get("/cache/stats").then().body("hits", is((int) hitsBefore + 2));
  }

  @Test
  void aPriceChangeInvalidatesThatProductAndTheListsOnly() {
    when().get("/products/1").then().statusCode(200);
    when().get("/products/2").then().statusCode(200);
    when().get("/products").then().statusCode(200);
    assertQueries(3);

    given().contentType("text/plain").body("24.90").when().put("/products/1/price").then().statusCode(200);

    when().get("/products/1").then().body("price", equalTo(24.90f));
    when().get("/products").then().body("price", hasItem(24.90f));
    when().get("/products/2").then().statusCode(200);
    assertQueries(5); // product 1 and the list again; product 2 still cached
  }

  @Test
  void cleaningTheCatalogueTagDropsEveryEntry() {
    when().get("/products/1").then().statusCode(200);
    when().get("/products/3").then().statusCode(200);
    when().post("/cache/clean").then().statusCode(204);
    when().get("/products/1").then().statusCode(200);
    when().get("/products/3").then().statusCode(200);
    assertQueries(4);
  }

  @Test
  void valuesCachedThroughTheApiAreSharedWithTheInjectedHermes() {
    when().get("/rates/USD").then().statusCode(200).body(is("1.08"));
    hermes.clean("rates");
    hermes.cached("rate:EUR", java.util.List.of("rates"), java.time.Duration.ofMinutes(5), Double.class, () -> 0.5);
    when().get("/rates/EUR").then().body(is("0.5"));
  }

  @Test
  void anUnknownProductIsNotCached() {
    when().get("/products/99").then().statusCode(404);
    when().get("/products/99").then().statusCode(404);
    assertQueries(2);
  }

  @Test
  void readinessIncludesTheCacheBackend() {
    when().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("hermes"));
  }

  private void assertQueries(int expected) {
    when().get("/cache/stats").then().body("queries", is(queriesBefore + expected));
  }
}
