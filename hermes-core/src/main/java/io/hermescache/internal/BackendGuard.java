package io.hermescache.internal;

import io.hermescache.BackendFailure;
import io.hermescache.Hermes;
import io.hermescache.HermesException;
import io.hermescache.spi.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What a backend failure does: the circuit breaker that stops calling a failing backend for a while, the
 * failure policy ({@code hermes.backend-failure}), and the rate-limited log every failure goes to.
 */
final class BackendGuard {

  static final System.Logger LOG = System.getLogger(Hermes.class.getName());
  private static final String CIRCUIT_OPEN = "The cache backend is failing; calls skip it for a while";

  private final BackendFailure policy;
  private final CircuitBreaker circuit;
  private final RateLimitedLog log;

  BackendGuard(BackendFailure policy, Clock clock) {
    this.policy = policy;
    this.circuit = new CircuitBreaker(clock);
    this.log = new RateLimitedLog(LOG, Duration.ofSeconds(30), clock);
  }

  /** Whether calls may use the backend now (the circuit is closed, or it is time to probe). */
  boolean allows() {
    return circuit.allows();
  }

  boolean propagates() {
    return policy == BackendFailure.PROPAGATE;
  }

  HermesException circuitOpen() {
    return new HermesException(CIRCUIT_OPEN);
  }

  void success() {
    circuit.success();
  }

  /** Forgets past failures: a new backend was set. */
  void reset() {
    circuit.success();
  }

  /** A call's backend operation failed: counted, logged, the circuit told; thrown on under {@code propagate}. */
  void failed(Counters counters, Throwable cause) {
    counters.errors.increment();
    boolean opened = circuit.failure();
    log.warn(cause, "Cache backend failed" + (opened ? "; bypassing it for a while" : "") + ": " + cause);
    if (propagates()) {
      throw new HermesException("The cache backend failed: " + cause, cause);
    }
  }

  /** A failure that costs the cache, not the call (a store, an unlock); thrown on under {@code propagate}. */
  void lost(Counters counters, String what, RuntimeException cause, boolean mayPropagate) {
    counters.errors.increment();
    log.warn(cause, what + ": " + cause);
    if (mayPropagate && propagates()) {
      throw new HermesException(what + ": " + cause, cause);
    }
  }

  /** Logged at most once per period, with how many were held back. */
  void warn(Throwable cause, String message) {
    log.warn(cause, message);
  }

  /** A write that invalidates: never dropped silently, since dropping it would serve stale values later. */
  static void mustWrite(Runnable write) {
    try {
      write.run();
    } catch (RuntimeException e) {
      throw new HermesException("The cache backend failed to invalidate: " + e, e);
    }
  }

  /** Runs a backend operation; its failure becomes {@link BackendUnavailable}. */
  static <T> T io(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (RuntimeException e) {
      throw new BackendUnavailable(e);
    }
  }

  /** A backend operation failed; the call bypasses the cache or propagates. */
  static final class BackendUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BackendUnavailable(RuntimeException cause) {
      super(cause);
    }
  }
}
