package io.hermescache.quarkus.runtime;

import io.hermescache.internal.plan.CachedMethodPlan;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * What a {@code @HermesCached} method's cache holds, for the runtime (to read values back) and the build
 * (to register them for reflection) alike. Not part of the API.
 */
public final class CachedValueType {

  private CachedValueType() {}

  /** Whether the method returns a Mutiny {@code Uni}, whose item is what is cached. */
  public static boolean isUni(CachedMethodPlan plan) {
    return plan.method().getReturnType() == Uni.class;
  }

  /**
   * {@code T} of {@code Uni<T>} (the core does not know Mutiny), else the core's answer: the return type,
   * or {@code T} of {@code CompletionStage<T>}. Type variables are resolved against the bean class.
   */
  public static Type of(CachedMethodPlan plan) {
    if (isUni(plan)) {
      Type returned = plan.returnType();
      return returned instanceof ParameterizedType ? ((ParameterizedType) returned).getActualTypeArguments()[0] : Object.class;
    }
    return plan.valueType();
  }
}
