package io.hermescache.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.Hermes;
import io.hermescache.HermesConfigurationException;
import io.hermescache.spi.Settings;
import io.hermescache.test.DownBackend;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class HermesReadinessCheckTest {

  @Test
  void upWhenTheBackendAnswers() {
    try (Hermes hermes = Hermes.builder().build()) {
      HealthCheckResponse response = new HermesReadinessCheck(hermes, "cache", true).call();

      assertThat(response.getName()).isEqualTo("hermes");
      assertThat(response.getStatus()).isEqualTo(Status.UP);
      assertThat(response.getData().orElseThrow()).containsEntry("reachable", true);
    }
  }

  @Test
  void aBackendThatDoesNotAnswerIsReportedAndMakesTheCheckDownOnlyIfItDecidesReadiness() {
    try (Hermes hermes = Hermes.builder().backend(new DownBackend()).build()) {
      HealthCheckResponse deciding = new HermesReadinessCheck(hermes, "cache", true).call();
      HealthCheckResponse reporting = new HermesReadinessCheck(hermes, "cache", false).call();

      assertThat(deciding.getStatus()).isEqualTo(Status.DOWN);
      assertThat(reporting.getStatus()).as("bypass: the application answers without its cache").isEqualTo(Status.UP);
      assertThat(reporting.getData().orElseThrow()).containsEntry("reachable", false)
          .containsEntry("error", "java.lang.IllegalStateException: connection refused (test)");
    }
  }

  @Test
  void cachingOffIsUp() {
    try (Hermes hermes = Hermes.builder().configure(Settings.of(Map.of("hermes.backend", "none"))).build()) {
      assertThat(new HermesReadinessCheck(hermes, "cache", true).call().getStatus()).isEqualTo(Status.UP);
    }
  }

  @Test
  void theBackendDecidesReadinessWhenFailuresPropagateUnlessConfiguredOtherwise() {
    assertThat(HermesReadinessCheck.decidesReadiness(Settings.of(Map.of()))).as("bypass by default").isFalse();
    assertThat(HermesReadinessCheck.decidesReadiness(Settings.of(Map.of("hermes.backend-failure", "propagate")))).isTrue();
    assertThat(HermesReadinessCheck.decidesReadiness(Settings.of(Map.of("hermes.health.readiness", "true")))).isTrue();
    assertThat(HermesReadinessCheck.decidesReadiness(Settings.of(Map.of("hermes.backend-failure", "propagate",
        "hermes.health.readiness", "false")))).isFalse();
    assertThatThrownBy(() -> HermesReadinessCheck.decidesReadiness(Settings.of(Map.of("hermes.health.readiness", "maybe"))))
        .isInstanceOf(HermesConfigurationException.class).hasMessageContaining("hermes.health.readiness = maybe");
  }
}
