package io.hermescache.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;

/**
 * The floor of any interceptor-based cache on Weld: one Caffeine {@code get} keyed by the single argument,
 * nothing else (no key per method, no tags, no metrics). No cache behind a CDI interceptor can hit faster.
 */
@Interceptor
@CaffeineFloorInterceptor.Cached
@Priority(Interceptor.Priority.APPLICATION)
public class CaffeineFloorInterceptor {

  /** Binds a one-argument method to this interceptor. */
  @InterceptorBinding
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.TYPE})
  public @interface Cached {}

  private final Cache<Object, Object> cache =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofHours(1)).build();

  @AroundInvoke
  public Object cached(InvocationContext invocation) {
    return cache.get(invocation.getParameters()[0], key -> proceed(invocation));
  }

  private static Object proceed(InvocationContext invocation) {
    try {
      return invocation.proceed();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
