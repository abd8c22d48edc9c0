package io.hermescache.cdi.interceptors;

import io.hermescache.internal.KeySpace;
import io.hermescache.internal.LocalKey;
import io.hermescache.internal.plan.CachedMethodPlan;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * One intercepted call of a {@code @HermesCached} method, bound to its entry: what a
 * {@link ReturnTypeSupport} needs to serve it. Tags and TTL are rendered once, when the call is made; the key
 * too, unless the call's arguments identify it in memory.
 */
public final class CachedCall {

  private final Engine engine;
  private final KeySpace space;
  private final CachedMethodPlan plan;
  private final InvocationContext context;
  /** The call's key, or the {@code LocalKey} of its arguments that renders it only when the backend is read. */
  private final Object call;
  /** Rendered, or {@code null} when {@link #call} renders them. */
  private final List<String> tags;
  private final Function<Object, Duration> ttl;

  CachedCall(Engine engine, KeySpace space, CachedMethodPlan plan, InvocationContext context,
      Function<Object, Duration> configuredTtl) {
    this.engine = engine;
    this.space = space;
    this.plan = plan;
    this.context = context;
    Object[] arguments = context.getParameters();
    this.call = plan.localKey(arguments);
    // a call identified by its arguments renders its tags only when the backend is read
    this.tags = call instanceof LocalKey ? null : plan.tags(arguments);
    this.ttl = plan.ttl(arguments, configuredTtl);
  }

  /** Runs the method itself (the next interceptor or the body). */
  public Object proceed() throws Exception {
    return context.proceed();
  }

  /**
   * The cached value, or the method's result, stored; exceptions of the method are thrown as they are.
   * Inside {@code hermes.invalidate(call)} the entry is dropped instead and the value the method's return
   * type takes when skipped (null, zero or false) is returned.
   */
  public Object value() throws Exception {
    Object value = engine.get(space, call, tags, ttl, context::proceed);
    // invalidation skips the body and yields null, which a primitive return type cannot take
    return value != null ? value : plan.skippedValue();
  }

  /**
   * The cached value, or the completed value of {@code loader}'s stage, stored; concurrent callers of a
   * cold key share one run of {@code loader}. Inside {@code hermes.invalidate(call)} the entry is dropped
   * at once and a stage completed with null returned.
   */
  public CompletionStage<Object> valueAsync(Callable<? extends CompletionStage<?>> loader) {
    return engine.getAsync(space, call, tags, ttl, loader);
  }

  /** Whether this call only drops its entry ({@code hermes.invalidate(call)}) rather than reading it. */
  public boolean invalidating() {
    return engine.invalidating();
  }

  @Override
  public String toString() {
    return plan.toString();
  }
}
