package io.hermescache.cdi.interceptors;

import io.hermescache.HermesInvalidate;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs {@link HermesInvalidate} methods, then cleans their tags and invalidates their keys, once the work
 * the result stands for has succeeded (at once for a value; when a {@code CompletionStage} completes
 * normally; as its {@link ReturnTypeSupport} says for other types). Not part of the API.
 */
@HermesInvalidate
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class InvalidateInterceptor {

  @Inject
  HermesRuntime runtime;

  @AroundInvoke
  Object invalidate(InvocationContext call) throws Exception {
    Invalidation invalidation = runtime.invalidation(call);
    return ReturnTypes.of(call.getMethod().getReturnType()).invalidateAfter(call.proceed(), invalidation);
  }
}
