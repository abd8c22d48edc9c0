package io.hermescache.internal;

import io.hermescache.spi.Backend;
import io.hermescache.spi.Clock;
import io.hermescache.spi.Compressor;
import io.hermescache.spi.Payload;
import io.hermescache.spi.Serialiser;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Stores a computed value: encodes it in an envelope with the versions read before its computation
 * started, and writes it while the computation's lock is still held, for its TTL plus a grace time (during
 * which it can be served while a peer recomputes). A value that could not be stored because its
 * computation lost its lock (it outlived the lease) is counted as an error and logged, never dropped
 * silently; one that lost it to an invalidation is simply not stored.
 */
final class EntryWriter {

  private final Clock clock;
  private final BackendGuard guard;
  private final VersionedRead reader;
  private final Serialiser serialiser;
  private final Compressor compressor;
  private final int compressionThreshold;
  private final boolean cacheNulls;
  private final Duration lease;

  EntryWriter(EngineSettings settings, Serialiser serialiser, BackendGuard guard, VersionedRead reader) {
    this.clock = settings.clock;
    this.guard = guard;
    this.reader = reader;
    this.serialiser = serialiser;
    this.compressor = settings.compressor;
    this.compressionThreshold = settings.compressionThreshold;
    this.cacheNulls = settings.cacheNulls;
    this.lease = settings.lockLease;
  }

  /**
   * Stores {@code value} computed under {@code versions} if {@code token} still holds the lock of
   * {@code keys}. Backend failures cost the cache, not the caller (unless {@code hermes.backend-failure} is
   * {@code propagate}). The caller frees the lock.
   */
  void store(KeySpace space, Backend backend, CallKeys keys, String token, byte[][] versions, Object value,
      Function<Object, Duration> ttl, int loadMillis, Duration staleFor) {
    try {
      Duration valueTtl = value == null && !cacheNulls ? Duration.ZERO : ttl.apply(value);
      if (valueTtl == null || valueTtl.isZero() || valueTtl.isNegative()) {
        return;
      }
      write(space, backend, keys, token, versions, value, valueTtl, loadMillis, staleFor);
    } catch (RoundTripCheck.Mismatch e) {
      throw e.in(space.name);
    } catch (RuntimeException e) {
      guard.lost(space.counters, "Could not store " + space.name + " in the cache", e, true);
    }
  }

  /**
   * Stores {@code staleValue} again, computed under {@code versions} (still current: the caller checked), as
   * if it had just been computed with a TTL of the fail-safe throttle, marked {@link #RESTORED} so that
   * neither early refresh nor refresh ahead calls the failing method before the throttle ends.
   */
  void restore(KeySpace space, Backend backend, CallKeys keys, String token, byte[][] versions, Object staleValue,
      Resilience resilience) {
    try {
      write(space, backend, keys, token, versions, staleValue, resilience.throttle(), RESTORED, resilience.staleFor());
    } catch (RuntimeException e) {
      guard.lost(space.counters, "Could not keep the stale value of " + space.name + " in the cache", e, false);
    }
  }

  /**
   * The computation time stored with a value that fail-safe stored again: negative, so never due for early
   * refresh (which needs a positive time) nor for refresh ahead (which skips it).
   */
  static final int RESTORED = -1;

  /**
   * Kept in the backend for its TTL plus a grace time (served while a peer recomputes) or, if longer, the
   * fail-safe window: an entry must still be there to be served stale.
   */
  private void write(KeySpace space, Backend backend, CallKeys keys, String token, byte[][] versions, Object value,
      Duration valueTtl, int computeMillis, Duration staleFor) {
    long expiresAt = Durations.plus(clock.currentTimeMillis(), Durations.millis(valueTtl));
    byte[] bytes = Envelope.encode(versions, expiresAt, computeMillis, value, space.type, serialiser, compressor,
        compressionThreshold);
    Duration grace = valueTtl.compareTo(lease) < 0 ? valueTtl : lease;
    if (backend.setIfLocked(keys.lockKey(), token, keys.entryKey, Payload.of(bytes),
        Durations.plus(valueTtl, Durations.max(grace, staleFor)))) {
      space.counters.puts.increment();
    } else {
      reportNotStored(space, backend, keys, token, versions);
    }
  }

  /**
   * Counted and logged when the lease ran out; silent when an invalidation took the lock away (the entry
   * version changed) or the backend refused the value for a reason of its own while the lock was still held
   * (too large for memcached, say: the backend reports that itself).
   */
  private void reportNotStored(KeySpace space, Backend backend, CallKeys keys, String token, byte[][] versions) {
    List<Payload> now = backend.getAll(List.of(keys.lockKey(), keys.versionKey));
    boolean stillLocked = Payload.of(token).equals(now.get(0));
    Payload version = now.get(1);
    boolean invalidated = version == null || !Arrays.equals(version.bytes(), versions[versions.length - 1]);
    if (!stillLocked && !invalidated) {
      space.counters.errors.increment();
      guard.warn(null, "A computation of " + reader.describe(space, keys) + " lost its lock before it"
          + " finished (longer than hermes.lock.lease = " + lease + " without a renewal); its value was not"
          + " cached");
    }
  }
}
