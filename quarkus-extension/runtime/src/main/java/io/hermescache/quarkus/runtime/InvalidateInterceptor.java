package io.hermescache.quarkus.runtime;

import io.hermescache.HermesInvalidate;
import io.hermescache.internal.HermesEngine;
import io.hermescache.internal.plan.InvalidationPlan;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs {@link HermesInvalidate} methods, then cleans their tags and invalidates their keys; for a method
 * returning a {@link CompletionStage}, once the stage completes normally; for one returning a
 * {@link Uni}, each time it emits an item, before the subscriber gets it (without blocking the emitting
 * thread). Not part of the API.
 */
@HermesInvalidate
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class InvalidateInterceptor {

  @Inject
  HermesRuntime runtime;

  @AroundInvoke
  Object invalidate(InvocationContext call) throws Exception {
    InvalidationPlan plan = runtime.invalidation(call);
    Object result = call.proceed();
    Object[] arguments = call.getParameters();
    Class<?> returnType = call.getMethod().getReturnType();
    if (returnType == Uni.class && result != null) {
      // after the work the Uni stands for, which happens on subscription, not on this call; and without
      // blocking, since the item may arrive on an event-loop thread
      return ((Uni<?>) result).call(() -> Uni.createFrom().completionStage(() -> invalidateAsync(plan, arguments)));
    }
    // exactly these two: a stage derived from the result has to fit the declared return type
    if ((returnType == CompletionStage.class || returnType == CompletableFuture.class) && result != null) {
      return ((CompletionStage<?>) result).thenApply(value -> {
        invalidate(plan, arguments);
        return value;
      });
    }
    invalidate(plan, arguments);
    return result;
  }

  /** {@link #invalidate} on the engine's executor: cleans the tags, then invalidates the keys. */
  private CompletionStage<Void> invalidateAsync(InvalidationPlan plan, Object[] arguments) {
    HermesEngine engine = runtime.engine();
    CompletionStage<Void> done = engine.cleanAsync(plan.tags(arguments).toArray(String[]::new));
    for (String key : plan.keys(arguments)) {
      done = done.thenCompose(cleaned -> engine.invalidateAsync(key));
    }
    return done;
  }

  private void invalidate(InvalidationPlan plan, Object[] arguments) {
    HermesEngine engine = runtime.engine();
    engine.clean(plan.tags(arguments).toArray(String[]::new));
    plan.keys(arguments).forEach(engine::invalidate);
  }
}
