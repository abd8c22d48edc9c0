package io.hermescache.cdi.interceptors;

import io.hermescache.HermesCached;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Serves {@link HermesCached} methods from the cache. Not part of the API. */
@HermesCached
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class CachedInterceptor {

  @Inject
  HermesRuntime runtime;

  @AroundInvoke
  Object cache(InvocationContext call) throws Exception {
    CachedMethod cached = runtime.cached(call);
    // null: a method a class-level @HermesCached does not cover (a setter, a void method)
    return cached == null ? call.proceed() : cached.invoke(call);
  }
}
