package io.hermescache.cdi.interceptors;

import io.hermescache.internal.plan.CachedMethodPlan;
import java.lang.reflect.Type;

/** Any return type no other {@link ReturnTypeSupport} serves: the returned value itself is cached. */
final class PlainValues implements ReturnTypeSupport {

  @Override
  public boolean supports(Class<?> returnType) {
    return true;
  }

  @Override
  public Type valueType(CachedMethodPlan plan) {
    return plan.valueType();
  }

  @Override
  public Object cached(CachedCall call) throws Exception {
    return call.value();
  }

  @Override
  public Object invalidateAfter(Object result, Invalidation invalidation) {
    invalidation.now();
    return result;
  }
}
