package io.hermescache.quarkus.runtime;

import io.hermescache.Hermes;
import io.hermescache.internal.KeyLayout;
import io.hermescache.spi.Backend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the cache backend answers a read of the namespace version, one key and one round trip.
 * Added by the build only when {@code quarkus-smallrye-health} is present. Not part of the API.
 *
 * <p>Down does not mean cached methods fail: with {@code hermes.backend-failure=bypass} they run without
 * the cache. It tells an orchestrator that this instance currently computes every call itself.
 */
@Readiness
@ApplicationScoped
public class HermesReadinessCheck implements HealthCheck {

  @Inject
  Hermes hermes;

  @Inject
  HermesConfig config;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("Hermes cache backend")
        .withData("backend", config.backend());
    Backend backend = hermes.backend();
    if (backend == null) {
      return response.up().build(); // hermes.backend=none: nothing to reach
    }
    try {
      backend.getAll(List.of(KeyLayout.of(config.prefix()).namespaceKey()));
      return response.up().build();
    } catch (RuntimeException e) {
      return response.down().withData("error", String.valueOf(e.getMessage())).build();
    }
  }
}
