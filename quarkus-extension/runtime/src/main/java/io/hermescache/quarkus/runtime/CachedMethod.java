package io.hermescache.quarkus.runtime;

import io.hermescache.HermesException;
import io.hermescache.internal.HermesEngine;
import io.hermescache.internal.KeySpace;
import io.hermescache.internal.plan.CachedMethodPlan;
import io.smallrye.mutiny.Uni;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A {@code @HermesCached} method's plan bound to the engine that serves it, for each kind of return
 * type: a plain value, a {@link CompletionStage} (its completed value is cached) or a Mutiny {@link Uni}
 * (its item is cached).
 */
final class CachedMethod {

  private final HermesEngine engine;
  private final CachedMethodPlan plan;
  private final boolean uni;
  private final KeySpace space;
  private final Function<Object, Duration> configuredTtl;

  CachedMethod(HermesEngine engine, CachedMethodPlan plan) {
    this.engine = engine;
    this.plan = plan;
    this.uni = CachedValueType.isUni(plan);
    this.space = engine.keySpace(plan.name(), CachedValueType.of(plan), plan.resilience());
    Duration ttl = engine.defaultTtl();
    this.configuredTtl = value -> ttl;
  }

  /** The cached value of the call, or the method's; in invalidation mode the entry is dropped instead. */
  Object invoke(InvocationContext call) throws Exception {
    Object[] arguments = call.getParameters();
    String key = plan.key(arguments);
    List<String> tags = plan.tags(arguments);
    Function<Object, Duration> ttl = plan.ttl(arguments, configuredTtl);
    if (uni) {
      return uni(call, key, tags, ttl);
    }
    if (plan.async()) {
      return engine.getAsync(space, key, tags, ttl, () -> (CompletionStage<?>) call.proceed());
    }
    Object value = engine.get(space, key, tags, ttl, call::proceed);
    // invalidation skips the body and yields null, which a primitive return type cannot take
    return value != null ? value : plan.skippedValue();
  }

  /**
   * A lazy {@code Uni}: nothing is read or run until it is subscribed to, and each subscription reads the
   * cache anew. On a miss the method's own {@code Uni} is subscribed to once for all the concurrent
   * subscribers of the key (the engine's single flight), and its item is stored.
   */
  private Uni<Object> uni(InvocationContext call, String key, List<String> tags, Function<Object, Duration> ttl) {
    if (engine.invalidating()) {
      // hermes.invalidate(() -> bean.m(x)) subscribes to nothing: the entry is dropped now, on this thread
      engine.getAsync(space, key, tags, ttl, CachedMethod::neverLoaded);
      return Uni.createFrom().nullItem();
    }
    return Uni.createFrom().completionStage(() -> engine.getAsync(space, key, tags, ttl, () -> {
      Uni<?> computed = (Uni<?>) call.proceed();
      if (computed == null) {
        throw new HermesException(plan + " returned a null Uni");
      }
      return computed.subscribeAsCompletionStage();
    }));
  }

  private static CompletionStage<?> neverLoaded() {
    return CompletableFuture.failedFuture(new IllegalStateException("an invalidation does not load"));
  }
}
