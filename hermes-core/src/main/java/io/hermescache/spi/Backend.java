package io.hermescache.spi;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where Hermes stores entries, tag versions and locks: one key space of byte payloads with per-key TTL.
 *
 * <p>Hermes calls a backend from many threads at once; implementations are thread-safe. Creating one
 * must not connect: the first operation does, and an operation that fails because the server is away
 * throws (any {@link RuntimeException}); Hermes then bypasses the cache or propagates as configured, and
 * uses the backend again once it answers. Keys reach a backend already fitted to {@link #keyLimits()}.
 *
 * <p>A TTL of {@link Duration#ZERO} means the key does not expire (tag versions); backends may still
 * evict it under memory pressure, which Hermes treats as an invalidation.
 */
public interface Backend extends AutoCloseable {

  /**
   * The payloads under {@code keys}, in the same order, {@code null} where a key is absent or expired.
   * This is the read path of every cached call: one round trip to the server.
   */
  List<Payload> getAll(List<String> keys);

  /** Stores {@code value} under {@code key}, replacing any value. */
  void set(String key, Payload value, Duration ttl);

  /** Stores {@code value} under {@code key} only if the key is absent; {@code true} if it stored. */
  boolean add(String key, Payload value, Duration ttl);

  /** Removes the keys; absent keys are ignored. */
  void delete(String... keys);

  /**
   * Takes the lock {@code lockKey} for {@code token} if no one holds it; it frees itself after {@code lease}
   * if not unlocked before. {@code true} if taken.
   */
  default boolean tryLock(String lockKey, String token, Duration lease) {
    return add(lockKey, Payload.of(token), lease);
  }

  /**
   * Gives the lock {@code lockKey} a new lease of {@code lease} from now if, and only if, it is still held
   * by {@code token}, atomically with that check; {@code true} if it was extended. Hermes renews the lock
   * of a computation this way while it runs (every third of the lease), so a computation longer than the
   * lease keeps its lock and is stored.
   *
   * <p>The default reads the lock and sets it again, which is not atomic (a lock taken over between the
   * two steps is overwritten); backends override it with one atomic operation.
   */
  default boolean extendLock(String lockKey, String token, Duration lease) {
    Payload owner = Payload.of(token);
    if (!owner.equals(getAll(java.util.List.of(lockKey)).get(0))) {
      return false;
    }
    set(lockKey, owner, lease);
    return true;
  }

  /** Frees {@code lockKey} if, and only if, it is still held by {@code token}, atomically. */
  void unlock(String lockKey, String token);

  /**
   * Stores {@code value} under {@code key} only while {@code lockKey} is held by {@code token}, atomically
   * with that check; {@code true} if it stored. This is how an invalidation that removed the lock during
   * a computation stops the value being computed from being stored. (Coherence does not rest on this
   * check: every entry also carries the versions it was computed under; the lock avoids duplicate work.)
   */
  boolean setIfLocked(String lockKey, String token, String key, Payload value, Duration ttl);

  /** What keys this backend accepts; Hermes fits longer or unusual keys to it. */
  default KeyLimits keyLimits() {
    return KeyLimits.NONE;
  }

  /**
   * The channel over which the near caches of the JVMs sharing keys under {@code prefix} announce their
   * changes to each other; empty when this backend has none (the near cache then keeps a copy at most
   * {@code hermes.near.max-staleness}). Each call returns a new channel, owned and closed by the caller.
   */
  default Optional<InvalidationChannel> invalidationChannel(String prefix) {
    return Optional.empty();
  }

  /**
   * Whether this backend keeps its keys in this JVM's memory, so that a near cache in front of it would
   * only duplicate it.
   */
  default boolean inProcess() {
    return false;
  }

  /** Frees connections and threads; the backend is not used afterwards. */
  @Override
  default void close() {}
}
