package io.hermescache.cdi.interceptors;

import io.hermescache.internal.KeySpace;
import io.hermescache.internal.plan.CachedMethodPlan;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;
import java.util.function.Function;

/** A {@code @HermesCached} method's plan bound to the engine that serves it and to its return type's support. */
final class CachedMethod {

  private final Engine engine;
  private final CachedMethodPlan plan;
  private final ReturnTypeSupport support;
  private final KeySpace space;
  private final Function<Object, Duration> configuredTtl;

  CachedMethod(Engine engine, CachedMethodPlan plan) {
    this.engine = engine;
    this.plan = plan;
    this.support = ReturnTypes.of(plan.method().getReturnType());
    this.space = engine.keySpace(plan.name(), support.valueType(plan), plan.resilience());
    Duration ttl = engine.defaultTtl();
    this.configuredTtl = value -> ttl;
  }

  /** The cached value of the call, or the method's; in invalidation mode the entry is dropped instead. */
  Object invoke(InvocationContext call) throws Exception {
    return support.cached(new CachedCall(engine, space, plan, call, configuredTtl));
  }
}
