package io.hermescache.micrometer;

import io.hermescache.CacheStats;
import io.hermescache.Hermes;
import io.hermescache.HermesStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Publishes the statistics of a {@link Hermes} instance ({@link Hermes#stats()}) as Micrometer counters:
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>per cached method, tag {@code name}</th><th>in total</th><th>counts</th></tr>
 *   <tr><td>{@code hermes.hits}</td><td>{@code hermes.all.hits}</td><td>calls served from the cache</td></tr>
 *   <tr><td>{@code hermes.misses}</td><td>{@code hermes.all.misses}</td><td>calls that found no usable value</td></tr>
 *   <tr><td>{@code hermes.loads}</td><td>{@code hermes.all.loads}</td><td>computations that returned a value</td></tr>
 *   <tr><td>{@code hermes.load.failures}</td><td>{@code hermes.all.load.failures}</td><td>computations that threw</td></tr>
 *   <tr><td>{@code hermes.load.time}</td><td>{@code hermes.all.load.time}</td><td>seconds spent computing</td></tr>
 *   <tr><td>{@code hermes.lock.waits}</td><td>{@code hermes.all.lock.waits}</td><td>calls that waited for a peer computing the same key</td></tr>
 *   <tr><td>{@code hermes.errors}</td><td>{@code hermes.all.errors}</td><td>backend or serialisation failures</td></tr>
 *   <tr><td>{@code hermes.refreshes}</td><td>{@code hermes.all.refreshes}</td><td>early recomputations of values near expiry</td></tr>
 * </table>
 *
 * The totals have names of their own, not a {@code name} tag of their own, so that summing a per-method
 * meter over its tags never counts a call twice (and so that Prometheus sees one set of tag keys per name).
 * The tag {@code name} is the cached method ({@code com.example.Repo.find}), or for {@link Hermes#cached}
 * {@code programmatic} (one group for all such calls: never a tag per key). Every meter reads the live counters: nothing is copied or reset.
 *
 * <p>A method called for the first time after binding gets its meters at the next read of the totals (a
 * scrape or a publication), since Hermes learns its methods as they are called.
 *
 * <pre>{@code
 * new HermesMetrics(hermes).bindTo(registry);
 * }</pre>
 */
public final class HermesMetrics implements MeterBinder {

  private final Hermes hermes;
  private final Tags tags;
  private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
  private final Set<String> boundNames = ConcurrentHashMap.newKeySet();

  /** Meters of {@code hermes}, with no tags beyond {@code name}. */
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
    register(registry, "hermes.all.", tags, this::total);
    for (String name : hermes.stats().byName().keySet()) {
      registerMethod(registry, name);
    }
  }

  /** The totals, registering the meters of methods seen for the first time on the way. */
  private CacheStats total(Hermes source) {
    HermesStats stats = source.stats();
    for (String name : stats.byName().keySet()) {
      if (!boundNames.contains(name)) {
        registries.forEach(registry -> registerMethod(registry, name));
      }
    }
    return stats.total();
  }

  private void registerMethod(MeterRegistry registry, String name) {
    boundNames.add(name);
    register(registry, "hermes.", tags.and("name", name), source -> source.stats().of(name));
  }

  /**
   * The seven meters of one method or of the total; registering one twice is harmless (Micrometer returns
   * the first).
   */
  private void register(MeterRegistry registry, String prefix, Tags meterTags, Function<Hermes, CacheStats> stats) {
    Meters meters = new Meters(hermes, prefix, meterTags, stats);
    meters.counter("hits", "Calls served from the cache", CacheStats::hits).register(registry);
    meters.counter("misses", "Calls that found no usable value in the cache", CacheStats::misses).register(registry);
    meters.counter("loads", "Computations that returned a value", CacheStats::loads).register(registry);
    meters.counter("load.failures", "Computations that threw", CacheStats::loadFailures).register(registry);
    meters.counter("load.time", "Time spent computing values", counts -> counts.loadTime().toNanos() / 1e9)
        .baseUnit("seconds").register(registry);
    meters.counter("lock.waits", "Calls that waited for a peer computing the same key", CacheStats::lockWaits)
        .register(registry);
    meters.counter("errors", "Backend or serialisation failures", CacheStats::errors).register(registry);
    meters.counter("refreshes", "Early recomputations of values near expiry", CacheStats::refreshes)
        .register(registry);
  }

  /**
   * Counters under one prefix and set of tags, reading one {@link CacheStats}. Micrometer holds the object a
   * function counter reads only weakly, so that object is the {@link Hermes} instance itself, which lives as
   * long as the application.
   */
  private record Meters(Hermes hermes, String prefix, Tags tags, Function<Hermes, CacheStats> stats) {
    FunctionCounter.Builder<Hermes> counter(String name, String description, ToDoubleFunction<CacheStats> value) {
      return FunctionCounter.builder(prefix + name, hermes, source -> value.applyAsDouble(stats.apply(source)))
          .description(description).tags(tags);
    }
  }
}
