package io.hermescache.quarkus.runtime;

import io.hermescache.CacheStats;
import io.hermescache.Hermes;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Publishes {@link Hermes#stats()} to Micrometer: {@code hermes.hits}, {@code hermes.misses},
 * {@code hermes.loads}, {@code hermes.load.failures}, {@code hermes.load.time} (seconds),
 * {@code hermes.lock.waits} and {@code hermes.errors} over all calls, and the same per cached method as
 * {@code hermes.method.*} tagged {@code method=fully.qualified.Bean.method}. The meters read the engine's
 * counters when scraped; nothing is counted twice. Added by the build only when {@code quarkus-micrometer}
 * is present. Not part of the API.
 */
@ApplicationScoped
public class HermesMetrics {

  @Inject
  Hermes hermes;

  @Inject
  MeterRegistry registry;

  /** At startup, once every annotated method is planned, so that each has its meters from the first scrape. */
  void register(@Observes StartupEvent started) {
    register("hermes.", Tags.empty(), h -> h.stats().total());
    for (String method : hermes.stats().byName().keySet()) {
      register("hermes.method.", Tags.of("method", method), h -> h.stats().of(method));
    }
  }

  private void register(String prefix, Tags tags, Function<Hermes, CacheStats> stats) {
    counter(prefix + "hits", tags, "calls served from the cache", h -> stats.apply(h).hits());
    counter(prefix + "misses", tags, "calls that found no usable value", h -> stats.apply(h).misses());
    counter(prefix + "loads", tags, "runs of the method that returned a value", h -> stats.apply(h).loads());
    counter(prefix + "load.failures", tags, "runs of the method that threw", h -> stats.apply(h).loadFailures());
    FunctionCounter.builder(prefix + "load.time", hermes,
            h -> stats.apply(h).loadTime().toNanos() / (double) TimeUnit.SECONDS.toNanos(1))
        .tags(tags).baseUnit("seconds").description("time spent running the method").register(registry);
    counter(prefix + "lock.waits", tags, "calls that waited for a peer computing the same key",
        h -> stats.apply(h).lockWaits());
    counter(prefix + "errors", tags, "backend or serialisation failures", h -> stats.apply(h).errors());
  }

  private void counter(String name, Tags tags, String description, ToDoubleFunction<Hermes> value) {
    FunctionCounter.builder(name, hermes, value).tags(tags).description(description).register(registry);
  }
}
