package io.hermescache.quarkus.runtime;

import io.hermescache.Hermes;
import io.hermescache.micrometer.HermesMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Binds hermes-micrometer's {@link HermesMetrics} to Quarkus' registry once the application has started,
 * when every validated method is planned, so that each has its meters from the first scrape. Added by the
 * build only when {@code quarkus-micrometer} is present. Not part of the API.
 */
@ApplicationScoped
public class StartupMeterBinding {

  void bind(@Observes StartupEvent started, Hermes hermes, MeterRegistry registry) {
    new HermesMetrics(hermes).bindTo(registry);
  }
}
