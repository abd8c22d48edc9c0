package io.hermescache.internal;

import io.hermescache.HermesTimeoutException;
import io.hermescache.internal.BackendGuard.BackendUnavailable;
import io.hermescache.internal.Flights.Abandoned;
import io.hermescache.internal.VersionedRead.State;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The one lock-and-wait state machine of a computation across JVMs, used by blocking and asynchronous
 * callers alike: it says what to do next ({@link Step}) and a driver does it, {@link BlockingDriver} on the
 * caller's thread, {@link AsyncDriver} on the executor.
 *
 * <p>The caller takes the key's lock and computes; or waits with bounded backoff for the peer that holds
 * it, polling for its value, and computes anyway after {@code hermes.lock.timeout}. The lock only avoids
 * duplicate work: coherence comes from the versions, which are always read before the computation starts
 * and stored with its value. Every path that took the lock frees it.
 */
final class Computation {

  private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  /** What the driver does next. */
  static final class Step {
    enum Kind { DONE, WAIT, LOAD }

    private static final Step LOAD = new Step(Kind.LOAD, null, 0);

    final Kind kind;
    final Object value;
    final long waitNanos;

    private Step(Kind kind, Object value, long waitNanos) {
      this.kind = kind;
      this.value = value;
      this.waitNanos = waitNanos;
    }
  }

  /** The engine's parts a computation uses. */
  record Parts(Clock clock, BackendGuard guard, VersionedRead reader, EntryWriter writer, LeaseWatchdog watchdog,
      Duration lockTimeout) {}

  private final Parts parts;
  private final KeySpace space;
  private final Backend backend;
  private final CallKeys keys;
  private final Function<Object, Duration> ttl;
  private final Duration entryVersionTtl;
  private final Resilience resilience;
  private final boolean refresh;
  private final String token = Keys.token();
  /** A coherent entry this call may serve instead of waiting: the one due for refresh, or an expired one. */
  private final Envelope servable;
  private byte[][] versions;
  private boolean locked;
  private boolean bypassed;
  private long deadline;
  private long backoff = FIRST_BACKOFF_NANOS;
  private long loadStart;
  private LeaseWatchdog.Watch watch;

  Computation(Parts parts, KeySpace space, Backend backend, CallKeys keys, Function<Object, Duration> ttl,
      Duration entryVersionTtl, Resilience resilience, VersionedRead.Result read) {
    this.parts = parts;
    this.resilience = resilience;
    this.space = space;
    this.backend = backend;
    this.keys = keys;
    this.ttl = ttl;
    this.entryVersionTtl = entryVersionTtl;
    this.refresh = read.state == State.REFRESH;
    this.servable = read.state == State.REFRESH || read.state == State.STALE ? read.entry : null;
    this.versions = read.versions;
  }

  /** The first step: the lock, or the entry to serve, or a wait. */
  Step start() {
    try {
      if (tryLock()) {
        return locked();
      }
    } catch (BackendUnavailable e) {
      return bypass(e);
    }
    if (servable != null) {
      // a refresh someone else does, or an expired value kept while a peer computes: the caller's hit
      space.counters.hits.increment();
      return done(servable.value);
    }
    space.counters.lockWaits.increment();
    deadline = Durations.plus(parts.clock().nanoTime(), Durations.nanos(parts.lockTimeout()));
    return waitStep(backoff);
  }

  /** After a wait: the lock, a value a peer stored, another wait, or, past the deadline, a computation. */
  Step waited() {
    try {
      if (tryLock()) {
        return locked();
      }
      VersionedRead.Result latest = parts.reader().read(space, backend, keys, false, false);
      if (latest.state == State.HIT || latest.state == State.STALE) {
        // a peer's value, or one that expired already but is coherent: something to serve rather than wait
        return done(latest.entry.value);
      }
      long now = parts.clock().nanoTime();
      if (now - deadline >= 0) {
        BackendGuard.LOG.log(System.Logger.Level.DEBUG, () -> "Waited " + parts.lockTimeout() + " for "
            + parts.reader().describe(space, keys) + "; computing it here");
        versions = latest.versions;
        parts.reader().createMissing(backend, keys, versions, entryVersionTtl);
        return load();
      }
      backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
      return waitStep(Math.min(backoff, deadline - now));
    } catch (BackendUnavailable e) {
      return bypass(e);
    }
  }

  /**
   * The loader finished: with the lock (or the lock free by now) its value is stored under the versions
   * read before it started; the lock is freed. {@code error} is thrown on.
   */
  Step loaded(Object value, Throwable error) {
    long nanos = parts.clock().nanoTime() - loadStart;
    space.counters.recordLoad(nanos, error == null);
    if (watch != null) {
      watch.stop();
    }
    if (error != null) {
      if (failSafeAtHand() && !Abandoned.by(error)) {
        return done(failSafe(error));
      }
      if (locked) {
        unlock();
      }
      throw Computation.<RuntimeException>sneaky(error);
    }
    if (!locked && !bypassed) {
      // computed without the lock after waiting in vain: stored only if no one else is computing now
      locked = tryLockQuietly();
    }
    if (locked) {
      try {
        int loadMillis = (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(Math.max(0, nanos)));
        parts.writer().store(space, backend, keys, token, versions, value, ttl, loadMillis, resilience.staleFor());
      } finally {
        unlock();
      }
    }
    return done(value);
  }

  /**
   * A background refresh of the unexpired entry read (refresh ahead): takes the lock without waiting and
   * starts the computation, or says no (a peer is refreshing, or the backend fails).
   */
  boolean startRefresh() {
    try {
      if (!tryLock()) {
        return false;
      }
    } catch (BackendUnavailable e) {
      return false;
    }
    locked = true;
    try {
      VersionedRead.Result latest = parts.reader().read(space, backend, keys, false, false);
      if (latest.entry == null || latest.entry.expiresAt != servable.expiresAt) {
        // a peer refreshed it (or it was invalidated) between this call's read and its lock
        unlock();
        return false;
      }
    } catch (BackendUnavailable e) {
      unlock();
      return false;
    }
    space.counters.refreshes.increment();
    load();
    return true;
  }

  /** A background refresh ended: its value stored (or its failure counted); never throws the loader's failure. */
  void refreshed(Object value, Throwable error) {
    if (error == null) {
      loaded(value, null);
      return;
    }
    space.counters.recordLoad(parts.clock().nanoTime() - loadStart, false);
    if (watch != null) {
      watch.stop();
    }
    if (locked) {
      unlock();
    }
  }

  /** Whether an expired (or due) coherent value is at hand to serve instead of the method's. */
  boolean staleAtHand() {
    return servable != null && servable.matches(versions);
  }

  /** That value; call only when {@link #staleAtHand()}. */
  Object staleValue() {
    return servable.value;
  }

  /** Whether fail-safe may serve the value at hand: it expired no longer ago than {@code staleFor}. */
  boolean failSafeAtHand() {
    return resilience.failSafe() && staleAtHand()
        && parts.clock().currentTimeMillis() - servable.expiresAt <= Durations.millis(resilience.staleFor());
  }

  /** The resilience this computation runs with. */
  Resilience resilience() {
    return resilience;
  }

  /** A caller stopped waiting for the method after {@code timeout}; the computation goes on. */
  void timedOut(Duration timeout, boolean served) {
    space.counters.timeouts.increment();
    if (served) {
      space.counters.stale.increment();
    }
    parts.guard().warn(null, parts.reader().describe(space, keys) + " did not answer within " + timeout
        + (served ? "; a stale value was served" : "") + "; it goes on in the background and stores its value");
  }

  /** The exception of a caller that waited {@code timeout} in vain. */
  HermesTimeoutException timeout(Duration timeout) {
    return new HermesTimeoutException(parts.reader().describe(space, keys) + " did not answer within its hard"
        + " timeout of " + timeout + "; it goes on in the background and stores its value", timeout);
  }

  /**
   * The method failed with a coherent stale value at hand: counted, logged (rate-limited), and, under the
   * lock, the stale value stored again under the current versions for {@code hermes.fail-safe.throttle}, so that
   * no caller in any JVM calls the method again before then. An invalidation still wins: it changes a version.
   */
  private Object failSafe(Throwable error) {
    space.counters.stale.increment();
    parts.guard().warn(error, parts.reader().describe(space, keys) + " failed (" + error + "); serving its stale"
        + " value, and not calling it again for " + resilience.throttle());
    if (!locked && !bypassed) {
      locked = tryLockQuietly();
    }
    if (locked) {
      try {
        parts.writer().restore(space, backend, keys, token, versions, servable.value, resilience);
      } finally {
        unlock();
      }
    }
    return servable.value;
  }

  /** Just took the lock: compute; unless a peer stored the value between this call's read and its lock. */
  private Step locked() {
    locked = true;
    try {
      if (refresh) {
        // the unexpired entry is the very thing being refreshed: no looking for a peer's value
        space.counters.refreshes.increment();
        return load();
      }
      VersionedRead.Result latest = parts.reader().read(space, backend, keys, false, false);
      if (latest.state == State.HIT) {
        unlock();
        return done(latest.entry.value);
      }
      versions = latest.versions;
      parts.reader().createMissing(backend, keys, versions, entryVersionTtl);
      if (servable != null) {
        space.counters.misses.increment(); // an expired value it will not serve
      }
      return load();
    } catch (BackendUnavailable e) {
      unlock();
      return bypass(e);
    } catch (RuntimeException | Error e) {
      unlock();
      throw e;
    }
  }

  private Step load() {
    if (locked) {
      watch = parts.watchdog().watch(backend, keys.lockKey(), token);
    }
    loadStart = parts.clock().nanoTime();
    return Step.LOAD;
  }

  /** The backend failed: counted and logged (thrown under {@code propagate}); the value is computed, not stored. */
  private Step bypass(BackendUnavailable failure) {
    locked = false;
    bypassed = true;
    parts.guard().failed(space.counters, failure.getCause());
    loadStart = parts.clock().nanoTime();
    return Step.LOAD;
  }

  private boolean tryLock() {
    return BackendGuard.io(() -> backend.tryLock(keys.lockKey(), token, parts.watchdog().lease()));
  }

  private boolean tryLockQuietly() {
    try {
      return backend.tryLock(keys.lockKey(), token, parts.watchdog().lease());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void unlock() {
    locked = false;
    try {
      backend.unlock(keys.lockKey(), token);
    } catch (RuntimeException e) {
      parts.guard().warn(e, "Could not free the lock of " + parts.reader().describe(space, keys)
          + " (it expires after its lease): " + e);
    }
  }

  private static Step done(Object value) {
    return new Step(Step.Kind.DONE, value, 0);
  }

  private static Step waitStep(long nanos) {
    return new Step(Step.Kind.WAIT, null, Math.max(1, nanos));
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable error) throws E {
    throw (E) error;
  }
}
