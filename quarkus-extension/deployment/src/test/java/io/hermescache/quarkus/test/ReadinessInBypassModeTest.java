package io.hermescache.quarkus.test;

import static org.hamcrest.Matchers.is;

import io.hermescache.Hermes;
import io.hermescache.test.DownBackend;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With quarkus-smallrye-health present, hermes-health's readiness check {@code hermes}: in the default
 * {@code bypass} mode an unreachable backend leaves the application ready and says so in the check's data.
 */
class ReadinessInBypassModeTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest().withEmptyApplication();

  @Inject
  Hermes hermes;

  @Test
  void readyInBypassModeWhenTheBackendFailsWhichTheDataSay() {
    RestAssured.when().get("/q/health/ready").then().statusCode(200)
        .body("checks.find { it.name == 'hermes' }.data.reachable", is(true));
    DownBackend.during(hermes, () ->
        RestAssured.when().get("/q/health/ready").then().statusCode(200)
            .body("checks.find { it.name == 'hermes' }.status", is("UP"))
            .body("checks.find { it.name == 'hermes' }.data.reachable", is(false)));
  }
}
