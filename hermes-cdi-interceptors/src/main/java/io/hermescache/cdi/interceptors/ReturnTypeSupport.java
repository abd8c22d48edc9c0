package io.hermescache.cdi.interceptors;

import io.hermescache.internal.plan.CachedMethodPlan;
import java.lang.reflect.Type;

/**
 * How the interceptors serve one kind of return type: a plain value, a {@code CompletionStage}, or a type
 * an integration adds (Mutiny's {@code Uni} in Quarkus). Implementations are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.hermescache.cdi.interceptors.ReturnTypeSupport})
 * and asked before the built-in ones, so that the interceptors themselves know no asynchronous library.
 * An implementation needs a public no-argument constructor and must be thread-safe.
 */
public interface ReturnTypeSupport {

  /** Whether this serves methods declared to return {@code returnType} (the erased, declared type). */
  boolean supports(Class<?> returnType);

  /**
   * The type of the value the cache holds for the method of {@code plan}, type variables resolved against
   * the bean class: e.g. {@code T} of {@code Uni<T>}.
   */
  Type valueType(CachedMethodPlan plan);

  /** What the intercepted {@code @HermesCached} call returns: the cached value in the method's return type. */
  Object cached(CachedCall call) throws Exception;

  /**
   * What an intercepted {@code @HermesInvalidate} call returns, given the method's {@code result}: the
   * result, arranged so that {@code invalidation} runs once the work it stands for has succeeded.
   */
  Object invalidateAfter(Object result, Invalidation invalidation);
}
