package io.hermescache.inprocess;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.hermescache.spi.Backend;
import io.hermescache.spi.InvalidationChannel;
import io.hermescache.spi.Payload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A backend in this JVM's heap, on Caffeine: bounded to {@code maxEntries} keys (entries, tag versions
 * and locks alike; an evicted tag version invalidates its entries, never serves stale ones), each with
 * its own TTL.
 *
 * <p>Hits do not parse: the payload stored is the one read back, so its decoded value is remembered and
 * every hit returns that same instance. Treat cached values as immutable, or set {@code copyOnRead} to
 * decode a fresh copy on every hit, as remote backends do.
 */
public final class InProcessBackend implements Backend {

  private final Cache<String, Stored> cache;
  private final HeapChannels changes = new HeapChannels();
  private final boolean copyOnRead;
  private final Object writeLock = new Object();

  public InProcessBackend(long maxEntries, boolean copyOnRead) {
    if (maxEntries <= 0) {
      throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
    }
    this.copyOnRead = copyOnRead;
    // maintenance (eviction, expiry) on the calling threads: handing it to a pool costs each hit a wake-up
    // (the removal listener then runs before the write that removed or replaced the key returns)
    this.cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfter(new PerEntryTtl()).executor(Runnable::run)
        .<String, Stored>removalListener((key, stored, cause) -> changes.announce(key))
        .build();
  }

  /** A backend of at most {@code maxEntries} keys, hits sharing the decoded value. */
  public InProcessBackend(long maxEntries) {
    this(maxEntries, false);
  }

  /** Already in this JVM: a near cache in front of it would only duplicate it. */
  @Override
  public boolean inProcess() {
    return true;
  }

  /**
   * A channel on which this backend itself announces every key it replaced or removed (written over,
   * deleted, expired or evicted), before the call that changed it returns; so the engine may keep decoded
   * hits of its own and drop them at once, whichever engine changed a version. None with
   * {@code copyOnRead}: every hit must then decode a fresh copy.
   */
  @Override
  public Optional<InvalidationChannel> invalidationChannel(String prefix) {
    return copyOnRead ? Optional.empty() : Optional.of(changes.channel(prefix));
  }

  @Override
  public List<Payload> getAll(List<String> keys) {
    List<Payload> values = new ArrayList<>(keys.size());
    for (String key : keys) {
      Stored stored = cache.getIfPresent(key);
      values.add(stored == null ? null : copyOnRead ? Payload.of(stored.value.bytes()) : stored.value);
    }
    return values;
  }

  @Override
  public void set(String key, Payload value, Duration ttl) {
    cache.put(key, new Stored(value, ttl));
  }

  @Override
  public boolean add(String key, Payload value, Duration ttl) {
    return cache.asMap().putIfAbsent(key, new Stored(value, ttl)) == null;
  }

  @Override
  public void delete(String... keys) {
    synchronized (writeLock) {
      cache.invalidateAll(List.of(keys));
    }
  }

  @Override
  public void unlock(String lockKey, String token) {
    Payload owner = Payload.of(token);
    cache.asMap().computeIfPresent(lockKey, (key, stored) -> stored.value.equals(owner) ? null : stored);
  }

  /** Atomic in the map's compute: the lock gets a new lease only if {@code token} still holds it. */
  @Override
  public boolean extendLock(String lockKey, String token, Duration lease) {
    Payload owner = Payload.of(token);
    boolean[] extended = new boolean[1];
    cache.asMap().computeIfPresent(lockKey, (key, stored) -> {
      if (!stored.value.equals(owner)) {
        return stored;
      }
      extended[0] = true;
      return new Stored(stored.value, lease);
    });
    return extended[0];
  }

  @Override
  public boolean setIfLocked(String lockKey, String token, String key, Payload value, Duration ttl) {
    synchronized (writeLock) {
      Stored lock = cache.getIfPresent(lockKey);
      if (lock == null || !lock.value.equals(Payload.of(token))) {
        return false;
      }
      set(key, value, ttl);
      return true;
    }
  }

  @Override
  public void close() {
    cache.invalidateAll();
  }

  /** The number of keys held, for tests and statistics (expired ones may still count until cleaned up). */
  public long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  /** The keys held now, for tests and tools. */
  public Map<String, Payload> snapshot() {
    Map<String, Payload> copy = new java.util.TreeMap<>();
    cache.asMap().forEach((key, stored) -> copy.put(key, stored.value));
    return copy;
  }

  private static final class Stored {
    final Payload value;
    final long ttlNanos;

    Stored(Payload value, Duration ttl) {
      this.value = value;
      this.ttlNanos = ttl.isZero() ? Long.MAX_VALUE : saturatedNanos(ttl);
    }

    /** A TTL beyond what nanoseconds can count (about 292 years) is forever, not an overflow. */
    private static long saturatedNanos(Duration ttl) {
      try {
        return ttl.toNanos();
      } catch (ArithmeticException e) {
        return Long.MAX_VALUE;
      }
    }
  }

  private static final class PerEntryTtl implements Expiry<String, Stored> {
    @Override
    public long expireAfterCreate(String key, Stored stored, long currentTime) {
      return stored.ttlNanos;
    }

    @Override
    public long expireAfterUpdate(String key, Stored stored, long currentTime, long currentDuration) {
      return stored.ttlNanos;
    }

    @Override
    public long expireAfterRead(String key, Stored stored, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
