package io.hermescache.examples.jakartaee;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The application's Micrometer registry as a bean, which is all hermes-micrometer needs to bind Hermes' meters
 * ({@code cache.gets}, {@code cache.puts}...) at start-up; {@link MeterResource} serves it. Payara has no
 * Micrometer registry of its own (its metrics are MicroProfile Metrics), so the WAR brings one.
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
