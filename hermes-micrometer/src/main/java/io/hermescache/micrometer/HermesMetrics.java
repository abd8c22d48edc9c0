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
import java.util.function.ToLongFunction;

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
 * </table>
 *
 * The totals have names of their own, not a {@code name} tag of their own, so that summing a per-method
 * meter over its tags never counts a call twice (and so that Prometheus sees one set of tag keys per name).
 * The tag {@code name} is the cached method ({@code com.example.Repo.find}), or for {@link Hermes#cached}
 * the key group. Every meter reads the live counters: nothing is copied or reset.
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
      register(registry, name);
    }
  }

  /** The totals, registering the meters of methods seen for the first time on the way. */
  private CacheStats total(Hermes source) {
    HermesStats stats = source.stats();
    for (String name : stats.byName().keySet()) {
      if (!boundNames.contains(name)) {
        registries.forEach(registry -> register(registry, name));
      }
    }
    return stats.total();
  }

  private void register(MeterRegistry registry, String name) {
    boundNames.add(name);
    register(registry, "hermes.", tags.and("name", name), source -> source.stats().of(name));
  }

  /**
   * The seven meters of one name or of the total. Micrometer holds the object a function counter reads only
   * weakly, so that object is the {@link Hermes} instance itself, which lives as long as the application.
   */
  private void register(MeterRegistry registry, String prefix, Tags meterTags, Function<Hermes, CacheStats> stats) {
    counter(registry, prefix + "hits", "Calls served from the cache", meterTags, stats, CacheStats::hits);
    counter(registry, prefix + "misses", "Calls that found no usable value in the cache", meterTags, stats, CacheStats::misses);
    counter(registry, prefix + "loads", "Computations that returned a value", meterTags, stats, CacheStats::loads);
    counter(registry, prefix + "load.failures", "Computations that threw", meterTags, stats, CacheStats::loadFailures);
    FunctionCounter.builder(prefix + "load.time", hermes, source -> stats.apply(source).loadTime().toNanos() / 1e9)
        .description("Time spent computing values").baseUnit("seconds").tags(meterTags).register(registry);
    counter(registry, prefix + "lock.waits", "Calls that waited for a peer computing the same key", meterTags, stats,
        CacheStats::lockWaits);
    counter(registry, prefix + "errors", "Backend or serialisation failures", meterTags, stats, CacheStats::errors);
  }

  private void counter(MeterRegistry registry, String name, String description, Tags meterTags,
      Function<Hermes, CacheStats> stats, ToLongFunction<CacheStats> count) {
    ToDoubleFunction<Hermes> read = source -> count.applyAsLong(stats.apply(source));
    FunctionCounter.builder(name, hermes, read).description(description).tags(meterTags).register(registry);
  }
}
