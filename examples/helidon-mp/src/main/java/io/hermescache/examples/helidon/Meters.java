package io.hermescache.examples.helidon;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The application's Micrometer registry as a bean, which is all hermes-micrometer needs to bind Hermes' meters
 * ({@code cache.gets}, {@code cache.puts}...) at start-up; {@link MeterResource} serves it.
 *
 * <p>Why not Helidon's own registry: Helidon 4.2's MicroProfile Metrics wraps every meter added to its
 * Micrometer registry and fails on a {@code FunctionTimer} ({@code cache.load.duration}).
 */
@ApplicationScoped
public class Meters {

  @Produces
  @Singleton
  static PrometheusMeterRegistry registry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  static void close(@Disposes PrometheusMeterRegistry registry) {
    registry.close();
  }
}
