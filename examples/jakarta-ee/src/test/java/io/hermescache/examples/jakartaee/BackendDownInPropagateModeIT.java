package io.hermescache.examples.jakartaee;

import static io.hermescache.examples.jakartaee.CatalogueTests.hermesCheck;
import static io.hermescache.examples.jakartaee.CatalogueTests.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outage of {@link BackendDownIT} with {@code hermes.backend-failure=propagate}: calls fail while the cache
 * is down, so the application is not ready.
 */
class BackendDownInPropagateModeIT {

  @RegisterExtension
  static final PayaraMicro server = new PayaraMicro("api/cache/stats", () -> Map.of("hermes.backend", "redis",
      "hermes.redis.uri", BackendDownIT.unreachableRedis(), "hermes.backend-failure", "propagate"));

  @Test
  void theApplicationIsNotReady() throws Exception {
    HealthCheck hermes = hermesCheck(server, 503);

    assertThat(hermes.status()).isEqualTo("DOWN");
    assertThat(hermes.data()).containsEntry("reachable", "false");
    assertThat(send(server, "GET", "api/products/1", null).statusCode()).as("the call failed").isEqualTo(500);
  }
}
