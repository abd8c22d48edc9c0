package io.hermescache.cdi.internal;

import io.hermescache.HermesInvalidate;
import io.hermescache.internal.plan.InvalidationPlan;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.CompletionStage;

/**
 * Runs {@link HermesInvalidate} methods, then cleans their tags and invalidates their keys; for a method
 * returning a {@link CompletionStage}, once the stage completes normally. Not part of the API.
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
    return plan.afterReturning(runtime.engine(), call.proceed(), call.getParameters());
  }
}
