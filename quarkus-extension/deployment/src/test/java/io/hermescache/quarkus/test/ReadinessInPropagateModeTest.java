package io.hermescache.quarkus.test;

import static org.hamcrest.Matchers.is;

import io.hermescache.Hermes;
import io.hermescache.test.DownBackend;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With {@code hermes.backend-failure=propagate} calls fail while the backend does, so the application is not ready. */
class ReadinessInPropagateModeTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest().withEmptyApplication()
      .overrideConfigKey("hermes.backend-failure", "propagate");

  @Inject
  Hermes hermes;

  @Test
  void notReadyWhileTheBackendFails() {
    RestAssured.when().get("/q/health/ready").then().statusCode(200);
    DownBackend.during(hermes, () ->
        RestAssured.when().get("/q/health/ready").then().statusCode(503)
            .body("checks.find { it.name == 'hermes' }.status", is("DOWN"))
            .body("checks.find { it.name == 'hermes' }.data.reachable", is(false)));
  }
}
