package io.hermescache;

import java.lang.reflect.Method;

/**
 * Computes the key of a cached call when a template is not expressive enough.
 *
 * <p>The result is stored as {@code {prefix}:entry:{key}}; keys the backend cannot store as they are
 * (too long, spaces, control characters) keep a readable head and end in a hash of the whole.
 * Implementations must be thread-safe and return equal keys for calls that may share a value.
 */
@FunctionalInterface
public interface KeyGenerator {

  /** The key for a call of {@code method} with {@code arguments}; never {@code null}. */
  String key(Method method, Object[] arguments);
}
