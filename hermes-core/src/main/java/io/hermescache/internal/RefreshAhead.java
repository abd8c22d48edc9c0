package io.hermescache.internal;

import io.hermescache.spi.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Refresh ahead ({@code refreshAhead}, {@code hermes.refresh-ahead}): once a value is older than that fraction
 * of its TTL, one caller in the cluster, the one that takes the key's lock without waiting, recomputes it on
 * the executor while every caller, in every JVM, keeps getting the current value. In this JVM one refresh of
 * a key runs at a time, and a failed one is not tried again before the fail-safe throttle has passed.
 */
final class RefreshAhead {

  private static final long RUNNING = Long.MAX_VALUE;

  private final Clock clock;
  private final EngineExecutor executor;
  private final BackendGuard guard;
  /** Entry key → the {@link Clock#nanoTime()} before which this JVM does not start a refresh of it. */
  private final Map<String, Long> notBefore = new ConcurrentHashMap<>();

  RefreshAhead(Clock clock, EngineExecutor executor, BackendGuard guard) {
    this.clock = clock;
    this.executor = executor;
    this.guard = guard;
  }

  /**
   * Whether {@code entry} is due: refresh ahead is on, it is older than {@code fraction} of its TTL, and it
   * is not a stale value that fail-safe stored again for the throttle period.
   */
  static boolean due(Envelope entry, Function<Object, Duration> ttl, double fraction, long nowMillis) {
    return nowMillis >= dueAt(entry, ttl, fraction);
  }

  /** The time in milliseconds from which {@code entry} is {@link #due}; {@link Long#MAX_VALUE} if never. */
  static long dueAt(Envelope entry, Function<Object, Duration> ttl, double fraction) {
    if (fraction <= 0 || entry.computeMillis < 0) {
      return Long.MAX_VALUE;
    }
    Duration valueTtl = ttl.apply(entry.value);
    if (valueTtl == null || valueTtl.isZero() || valueTtl.isNegative()) {
      return Long.MAX_VALUE;
    }
    return entry.expiresAt - (long) (Durations.millis(valueTtl) * (1 - fraction));
  }

  /** Starts refreshing with a loader that returns the value, unless this JVM is already refreshing the key. */
  void start(Computation computation, CallKeys keys, Callable<?> loader) {
    if (claim(keys.entryKey)) {
      executor.get().execute(() -> {
        if (!began(computation, keys)) {
          return;
        }
        Object value = null;
        Throwable error = null;
        try {
          value = loader.call();
        } catch (Throwable e) {
          error = e;
        }
        ended(computation, keys, value, error);
      });
    }
  }

  /** {@link #start} with a loader that returns a stage. */
  void startAsync(Computation computation, CallKeys keys, Callable<? extends CompletionStage<?>> loader) {
    if (claim(keys.entryKey)) {
      executor.get().execute(() -> {
        if (began(computation, keys)) {
          AsyncDriver.stage(loader, "the loader").whenCompleteAsync((value, error) ->
              ended(computation, keys, value, error == null ? null : AsyncDriver.unwrap(error)), executor.get());
        }
      });
    }
  }

  private boolean claim(String entryKey) {
    long now = clock.nanoTime();
    boolean[] claimed = new boolean[1];
    notBefore.compute(entryKey, (key, until) -> {
      claimed[0] = until == null || until != RUNNING && now - until >= 0;
      return claimed[0] ? RUNNING : until;
    });
    return claimed[0];
  }

  /** Takes the lock; if a peer holds it, that peer refreshes. */
  private boolean began(Computation computation, CallKeys keys) {
    try {
      if (computation.startRefresh()) {
        return true;
      }
    } catch (RuntimeException e) {
      guard.warn(e, "Could not start refreshing ahead: " + e);
    }
    notBefore.remove(keys.entryKey);
    return false;
  }

  private void ended(Computation computation, CallKeys keys, Object value, Throwable error) {
    try {
      computation.refreshed(value, error);
    } catch (Throwable e) {
      error = e;
    }
    if (error == null) {
      notBefore.remove(keys.entryKey);
    } else {
      Duration throttle = computation.resilience().throttle();
      notBefore.put(keys.entryKey, Durations.plus(clock.nanoTime(), Durations.nanos(throttle)));
      guard.warn(error, "Refreshing ahead failed (" + error + "); the current value is served, and this JVM tries"
          + " again after " + throttle);
    }
  }
}
