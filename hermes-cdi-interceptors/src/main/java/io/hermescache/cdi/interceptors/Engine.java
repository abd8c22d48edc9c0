package io.hermescache.cdi.interceptors;

import io.hermescache.Hermes;
import io.hermescache.internal.HermesEngine;
import io.hermescache.internal.KeySpace;
import io.hermescache.internal.ResilienceOverrides;
import io.hermescache.internal.plan.InvalidationPlan;
import io.hermescache.spi.Settings;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The one place the interceptors reach the engine's internals: every call of this layer into
 * {@code HermesEngine} goes through here, so that the engine can change without the interceptors
 * noticing. Not part of the API.
 */
final class Engine {

  private final HermesEngine engine;

  private Engine(HermesEngine engine) {
    this.engine = engine;
  }

  /**
   * The engine configured by the {@code hermes.*} keys of {@code settings}, validated by the core with its
   * own messages; asynchronous work runs on {@code executor} when given. It connects to nothing yet.
   *
   * @throws io.hermescache.HermesConfigurationException naming the key and the bad value
   */
  static Engine configured(Settings settings, Executor executor) {
    Hermes.Builder builder = Hermes.builder().configure(settings);
    if (executor != null) {
      builder.executor(executor);
    }
    return new Engine((HermesEngine) builder.build());
  }

  /** The engine as the application sees it. */
  Hermes hermes() {
    return engine;
  }

  KeySpace keySpace(String name, Type valueType, ResilienceOverrides resilience) {
    return engine.keySpace(name, valueType, resilience);
  }

  Duration defaultTtl() {
    return engine.defaultTtl();
  }

  /** @param call the call's key, or the {@code LocalKey} of its arguments that renders it */
  Object get(KeySpace space, Object call, List<String> tags, Function<Object, Duration> ttl, Callable<?> loader)
      throws Exception {
    return engine.get(space, call, tags, ttl, loader);
  }

  CompletionStage<Object> getAsync(KeySpace space, Object call, List<String> tags, Function<Object, Duration> ttl,
      Callable<? extends CompletionStage<?>> loader) {
    return engine.getAsync(space, call, tags, ttl, loader);
  }

  /** Whether the current thread is inside {@code hermes.invalidate(call)}. */
  boolean invalidating() {
    return engine.invalidating();
  }

  void invalidate(InvalidationPlan plan, Object[] arguments) {
    plan.invalidate(engine, arguments);
  }

  CompletionStage<Void> invalidateAsync(InvalidationPlan plan, Object[] arguments) {
    return plan.invalidateAsync(engine, arguments);
  }

  void close() {
    engine.close();
  }
}
