package io.hermescache.cdi.interceptors;

import io.hermescache.internal.plan.CachedMethodPlan;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code CompletionStage} and {@code CompletableFuture}: the completed value is cached, never the stage;
 * an invalidation waits for the stage to complete normally.
 */
final class CompletionStages implements ReturnTypeSupport {

  @Override
  public boolean supports(Class<?> returnType) {
    // exactly these two: a stage derived from the result has to fit the declared return type
    return returnType == CompletionStage.class || returnType == CompletableFuture.class;
  }

  @Override
  public Type valueType(CachedMethodPlan plan) {
    return plan.valueType();
  }

  @Override
  public Object cached(CachedCall call) {
    return call.valueAsync(() -> (CompletionStage<?>) call.proceed());
  }

  @Override
  public Object invalidateAfter(Object result, Invalidation invalidation) {
    if (result == null) {
      invalidation.now();
      return null;
    }
    return ((CompletionStage<?>) result).thenApply(value -> {
      invalidation.now();
      return value;
    });
  }
}
