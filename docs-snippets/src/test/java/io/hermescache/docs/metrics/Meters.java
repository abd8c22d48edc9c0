package io.hermescache.docs.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

// metrics-health.md, helidon.md and jakarta-ee.md: the registry the Helidon and Jakarta EE examples produce
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
