package io.hermescache.quarkus.test;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code hermes.health.enabled=false} at build time: no readiness check of Hermes. */
class HealthDisabledTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest().withEmptyApplication()
      .overrideConfigKey("hermes.health.enabled", "false");

  @Test
  void theCheckIsLeftOut() {
    RestAssured.when().get("/q/health/ready").then().statusCode(200)
        .body("checks.name", not(hasItem("hermes")));
  }
}
