package io.hermescache.quarkus.runtime;

import io.hermescache.HermesInvalidate;
import io.hermescache.internal.plan.InvalidationPlan;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
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
    if (call.getMethod().getReturnType() == Uni.class && result != null) {
      // after the work the Uni stands for, which happens on subscription, not on this call; and without
      // blocking, since the item may arrive on an event-loop thread
      return ((Uni<?>) result).call(() -> Uni.createFrom().completionStage(
          () -> plan.invalidateAsync(runtime.engine(), arguments)));
    }
    return plan.afterReturning(runtime.engine(), result, arguments);
  }
}
