package io.hermescache.internal;

import io.hermescache.CacheOptions;
import io.hermescache.HermesLoadException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The programmatic API ({@code Hermes.cached}, {@code cachedAsync}) on the engine: checks its arguments and
 * counts its calls per stats group and value type, never per key (keys are unbounded and may hold user data).
 */
final class ProgrammaticCalls {

  private final HermesEngine engine;
  /** By stats group, then value type: two lookups and no allocation on every call. */
  private final Map<String, Map<Type, KeySpace>> spaces = new ConcurrentHashMap<>();
  /** Immutable, so a racy read sees a whole one or none. */
  private volatile ConstantTtl lastTtl;

  ProgrammaticCalls(HermesEngine engine) {
    this.engine = engine;
  }

  @SuppressWarnings("unchecked")
  <T> T cached(String key, String group, Type type, Collection<String> tags, Duration ttl,
      ResilienceOverrides overrides, Callable<? extends T> loader) {
    Objects.requireNonNull(loader, "loader");
    KeySpace space = space(key, group, type);
    Resilience resilience = overrides == null ? space.resilience : engine.resilience(overrides);
    try {
      return (T) engine.get(space, key, checkedTags(tags), constantTtl(ttl), resilience, loader);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new HermesLoadException(e);
    }
  }

  @SuppressWarnings("unchecked")
  <T> CompletionStage<T> cachedAsync(String key, String group, Type type, Collection<String> tags, Duration ttl,
      ResilienceOverrides overrides, Supplier<? extends CompletionStage<? extends T>> loader) {
    Objects.requireNonNull(loader, "loader");
    KeySpace space = space(key, group, type);
    Resilience resilience = overrides == null ? space.resilience : engine.resilience(overrides);
    return (CompletionStage<T>) engine.getAsync(space, key, checkedTags(tags), constantTtl(ttl), resilience,
        loader::get);
  }

  /** The resilience options chosen by {@code options}. */
  static ResilienceOverrides overrides(CacheOptions options) {
    return new ResilienceOverrides(options.staleFor().orElse(null), options.softTimeout().orElse(null),
        options.hardTimeout().orElse(null),
        options.refreshAhead().isPresent() ? options.refreshAhead().getAsDouble() : null);
  }

  /** Most calls repeat one TTL: the last one is kept rather than allocated again on every hit. */
  private ConstantTtl constantTtl(Duration ttl) {
    ConstantTtl last = lastTtl;
    if (last != null && last.ttl.equals(ttl)) {
      return last;
    }
    last = new ConstantTtl(ttl);
    lastTtl = last;
    return last;
  }

  private KeySpace space(String key, String groupName, Type type) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Map<Type, KeySpace> group = spaces.get(groupName);
    if (group == null) {
      group = spaces.computeIfAbsent(groupName, name -> new ConcurrentHashMap<>());
    }
    KeySpace space = group.get(type);
    return space != null ? space : group.computeIfAbsent(type, t -> engine.keySpace(groupName, type));
  }

  private static List<String> checkedTags(Collection<String> tags) {
    List<String> copy = List.copyOf(tags);
    copy.forEach(HermesEngine::checkTag);
    return copy;
  }

  /** A TTL that does not depend on the value: the programmatic API's. */
  static final class ConstantTtl implements Function<Object, Duration> {
    final Duration ttl;

    ConstantTtl(Duration ttl) {
      this.ttl = SettingChecks.positive("ttl", ttl);
    }

    @Override
    public Duration apply(Object value) {
      return ttl;
    }
  }
}
