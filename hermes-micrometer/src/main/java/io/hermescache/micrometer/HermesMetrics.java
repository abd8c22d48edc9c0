package io.hermescache.micrometer;

import io.hermescache.CacheStats;
import io.hermescache.Hermes;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Publishes the statistics of a {@link Hermes} instance ({@link Hermes#stats()}) with the names of
 * Micrometer's cache conventions, so that dashboards made for Caffeine or quarkus-cache work, each tagged
 * {@code cache} = the cached method ({@code com.example.Repo.find}) or, for {@link Hermes#cached}, the key
 * group:
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>meter</th><th>counts</th></tr>
 *   <tr><td>{@code cache.gets{result=hit}}</td><td>calls served from the cache</td></tr>
 *   <tr><td>{@code cache.gets{result=miss}}</td><td>calls that found no usable value</td></tr>
 *   <tr><td>{@code cache.puts}</td><td>values stored in the backend</td></tr>
 *   <tr><td>{@code cache.load{result=success}}</td><td>computations that returned a value</td></tr>
 *   <tr><td>{@code cache.load{result=failure}}</td><td>computations that threw</td></tr>
 *   <tr><td>{@code cache.load.duration}</td><td>time spent computing (a function timer)</td></tr>
 *   <tr><td>{@code hermes.lock.waits}</td><td>calls that waited for a peer computing the same key</td></tr>
 *   <tr><td>{@code hermes.errors}</td><td>backend or serialisation failures</td></tr>
 *   <tr><td>{@code hermes.refreshes}</td><td>recomputations before expiry (early refresh, refresh ahead)</td></tr>
 *   <tr><td>{@code hermes.stale}</td><td>calls served an expired value by fail-safe or a soft timeout</td></tr>
 *   <tr><td>{@code hermes.timeouts}</td><td>calls that gave up waiting at a soft or hard timeout</td></tr>
 *   <tr><td>{@code hermes.caches} (no {@code cache} tag)</td><td>methods and key groups with statistics</td></tr>
 * </table>
 *
 * Every meter reads the live counters: nothing is copied or reset. A method first called after binding gets
 * its meters at the next read of {@code hermes.caches} (every scrape or publication reads it), since Hermes
 * learns its methods and key groups as they are called.
 *
 * <pre>{@code
 * new HermesMetrics(hermes).bindTo(registry);
 * }</pre>
 */
public final class HermesMetrics implements MeterBinder {

  private static final String GETS = "Calls served from the cache (result=hit) or that found no usable value (miss)";
  private static final String LOADS = "Computations that returned a value (result=success) or threw (failure)";

  /**
   * The counters of one cache, by meter name and tags. Meters of one name share one description: Prometheus
   * has one HELP line per name, and MicroProfile Metrics registries (Helidon's) refuse two.
   */
  private static final List<CounterMeter> COUNTERS = List.of(
      new CounterMeter("cache.gets", Tags.of("result", "hit"), GETS, CacheStats::hits),
      new CounterMeter("cache.gets", Tags.of("result", "miss"), GETS, CacheStats::misses),
      new CounterMeter("cache.puts", Tags.empty(), "Values stored in the backend", CacheStats::puts),
      new CounterMeter("cache.load", Tags.of("result", "success"), LOADS, CacheStats::loads),
      new CounterMeter("cache.load", Tags.of("result", "failure"), LOADS, CacheStats::loadFailures),
      new CounterMeter("hermes.lock.waits", Tags.empty(), "Calls that waited for a peer computing the same key",
          CacheStats::lockWaits),
      new CounterMeter("hermes.errors", Tags.empty(), "Backend or serialisation failures", CacheStats::errors),
      new CounterMeter("hermes.refreshes", Tags.empty(), "Recomputations of values before they expired",
          CacheStats::refreshes),
      new CounterMeter("hermes.stale", Tags.empty(), "Calls served an expired value by fail-safe or a soft timeout",
          CacheStats::stale),
      new CounterMeter("hermes.timeouts", Tags.empty(), "Calls that gave up waiting at a soft or hard timeout",
          CacheStats::timeouts));

  private final Hermes hermes;
  private final Tags tags;
  private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
  private final Set<String> bound = ConcurrentHashMap.newKeySet();

  /** Meters of {@code hermes}, with no tags beyond {@code cache} and {@code result}. */
  public HermesMetrics(Hermes hermes) {
    this(hermes, Tags.empty());
  }

  /** Meters of {@code hermes}, each also carrying {@code tags}, e.g. to tell two instances apart. */
  public HermesMetrics(Hermes hermes, Iterable<Tag> tags) {
    this.hermes = Objects.requireNonNull(hermes, "hermes");
    this.tags = Tags.of(tags);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    registries.add(registry);
    // a supplier gauge holds what it reads strongly: this binder lives as long as the registry
    Gauge.builder("hermes.caches", this::bindNewCaches).tags(tags)
        .description("Cached methods and key groups with statistics").register(registry);
    for (String cache : hermes.stats().byName().keySet()) {
      register(registry, cache);
    }
  }

  /** The number of caches, registering the meters of caches seen for the first time on the way. */
  private Number bindNewCaches() {
    Set<String> caches = hermes.stats().byName().keySet();
    for (String cache : caches) {
      if (!bound.contains(cache)) {
        registries.forEach(registry -> register(registry, cache));
      }
    }
    return caches.size();
  }

  /** The meters of one cache; registering one twice is harmless (Micrometer returns the first). */
  private void register(MeterRegistry registry, String cache) {
    bound.add(cache);
    Tags cacheTags = tags.and("cache", cache);
    for (CounterMeter counter : COUNTERS) {
      // Micrometer holds the object a meter reads only weakly: that is the Hermes instance, which lives as
      // long as the application
      FunctionCounter.builder(counter.name, hermes, source -> counter.value.applyAsDouble(source.stats().of(cache)))
          .tags(cacheTags.and(counter.tags)).description(counter.description).register(registry);
    }
    FunctionTimer.builder("cache.load.duration", hermes,
            source -> {
              CacheStats stats = source.stats().of(cache);
              return stats.loads() + stats.loadFailures();
            },
            source -> source.stats().of(cache).loadTime().toNanos(), TimeUnit.NANOSECONDS)
        .tags(cacheTags).description("Time spent computing values").register(registry);
  }

  private record CounterMeter(String name, Tags tags, String description, ToDoubleFunction<CacheStats> value) {}
}
