package io.hermescache;

import java.lang.reflect.Method;
import java.time.Duration;

/**
 * Chooses how long a freshly computed value lives, from the value itself.
 *
 * <p>{@link Duration#ZERO} means "do not cache this value" (conditional caching); the caller still gets
 * it. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface TtlPolicy {

  /** The TTL of {@code value} returned by {@code method} called with {@code arguments}; zero to skip caching. */
  Duration ttl(Object value, Method method, Object[] arguments);
}
