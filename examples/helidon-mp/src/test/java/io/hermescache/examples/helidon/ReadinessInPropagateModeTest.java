package io.hermescache.examples.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.hermescache.Hermes;
import io.hermescache.test.DownBackend;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** With {@code hermes.backend-failure=propagate}, calls fail while the backend is down, so the service is not ready. */
@HelidonTest
@AddConfig(key = "hermes.backend-failure", value = "propagate")
class ReadinessInPropagateModeTest {

  @Inject
  WebTarget target;

  @Inject
  Hermes hermes;

  @Test
  void notReadyWhileTheBackendIsDown() {
    assertThat(ready().getStatus()).isEqualTo(200);
    DownBackend.during(hermes, () -> {
      Response response = ready();
      assertThat(response.getStatus()).isEqualTo(503);
      assertThat(response.readEntity(String.class)).contains("\"name\":\"hermes\"").contains("\"status\":\"DOWN\"");
    });
    assertThat(ready().getStatus()).isEqualTo(200);
  }

  private Response ready() {
    return target.path("health/ready").request(MediaType.APPLICATION_JSON).get();
  }
}
