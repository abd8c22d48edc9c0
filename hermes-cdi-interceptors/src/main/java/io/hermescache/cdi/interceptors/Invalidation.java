package io.hermescache.cdi.interceptors;

import io.hermescache.internal.plan.InvalidationPlan;
import java.util.concurrent.CompletionStage;

/** The tags and keys one {@code @HermesInvalidate} call invalidates, to be dropped when its work is done. */
public final class Invalidation {

  private final Engine engine;
  private final InvalidationPlan plan;
  private final Object[] arguments;

  Invalidation(Engine engine, InvalidationPlan plan, Object[] arguments) {
    this.engine = engine;
    this.plan = plan;
    this.arguments = arguments;
  }

  /** Cleans the tags, then invalidates the keys, on this thread. */
  public void now() {
    engine.invalidate(plan, arguments);
  }

  /** The same on the engine's executor, never blocking the caller (for an event-loop thread). */
  public CompletionStage<Void> async() {
    return engine.invalidateAsync(plan, arguments);
  }
}
