package io.hermescache.micrometer;

import io.hermescache.Hermes;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * Under CDI (Jakarta EE, Helidon MP, Weld): binds {@link HermesMetrics} of the application's {@code Hermes}
 * to the application's {@link MeterRegistry} bean when it starts, if there is one. Discovered with this jar.
 * (Quarkus binds the same meters at its own start-up event.)
 */
@ApplicationScoped
public class MeterRegistryBinding {

  void bind(@Observes @Initialized(ApplicationScoped.class) Object started, Instance<Hermes> hermes,
      Instance<MeterRegistry> registry) {
    if (hermes.isResolvable() && registry.isResolvable()) {
      new HermesMetrics(hermes.get()).bindTo(registry.get());
    }
  }
}
