package io.hermescache.docs.metrics;

import io.hermescache.Hermes;
import io.hermescache.health.HermesReadinessCheck;
import io.hermescache.micrometer.HermesMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

public class WithoutCdi {

  static void meters(Hermes hermes) {
    MeterRegistry registry = new SimpleMeterRegistry();   // or the registry your application publishes
    new HermesMetrics(hermes).bindTo(registry);
  }

  static void readiness(Hermes hermes) {
    HealthCheck check = new HermesReadinessCheck(hermes, "cache", false);   // prefix "cache"; stays UP
    HealthCheckResponse response = check.call();
  }
}
