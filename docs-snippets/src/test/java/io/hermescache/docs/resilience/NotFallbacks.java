package io.hermescache.docs.resilience;

import io.hermescache.TtlPolicy;
import java.lang.reflect.Method;
import java.time.Duration;

public class NotFallbacks implements TtlPolicy {
  public Duration ttl(Object value, Method method, Object[] arguments) {
    return value == Price.UNKNOWN ? Duration.ZERO : Duration.ofSeconds(60);
  }
}
