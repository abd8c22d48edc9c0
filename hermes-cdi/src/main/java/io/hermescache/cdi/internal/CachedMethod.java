package io.hermescache.cdi.internal;

import io.hermescache.internal.HermesEngine;
import io.hermescache.internal.KeySpace;
import io.hermescache.internal.plan.CachedMethodPlan;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** A {@code @HermesCached} method's plan bound to the engine that serves it. */
final class CachedMethod {

  private final HermesEngine engine;
  private final CachedMethodPlan plan;
  private final KeySpace space;
  private final Function<Object, Duration> configuredTtl;

  CachedMethod(HermesEngine engine, CachedMethodPlan plan) {
    this.engine = engine;
    this.plan = plan;
    this.space = engine.keySpace(plan.name(), plan.valueType(), plan.resilience());
    Duration ttl = engine.defaultTtl();
    this.configuredTtl = value -> ttl;
  }

  /** The cached value of the call, or the method's; in invalidation mode the entry is dropped instead. */
  Object invoke(InvocationContext call) throws Exception {
    Object[] arguments = call.getParameters();
    if (plan.async()) {
      return engine.getAsync(space, plan.key(arguments), plan.tags(arguments), plan.ttl(arguments, configuredTtl),
          () -> (CompletionStage<?>) call.proceed());
    }
    Object value = engine.get(space, plan.key(arguments), plan.tags(arguments), plan.ttl(arguments, configuredTtl),
        call::proceed);
    // invalidation skips the body and yields null, which a primitive return type cannot take
    return value != null ? value : plan.skippedValue();
  }
}
