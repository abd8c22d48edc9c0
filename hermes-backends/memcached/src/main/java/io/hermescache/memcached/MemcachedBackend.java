package io.hermescache.memcached;

import io.hermescache.spi.Backend;
import io.hermescache.spi.KeyLimits;
import io.hermescache.spi.Payload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import net.spy.memcached.CASValue;
import net.spy.memcached.FailureMode;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.internal.OperationFuture;
import net.spy.memcached.ops.StatusCode;

/**
 * A backend on one or more memcached servers, through spymemcached: binary protocol, keys spread over the
 * servers by consistent hashing (ketama), optional SASL PLAIN authentication. Created by
 * {@link MemcachedBackendProvider}; the client, and with it the connections, is made on the first operation.
 *
 * <p><b>A dead server is skipped.</b> The client runs in {@link FailureMode#Redistribute}: once a server's
 * connection is lost, its keys go to a live server at once ({@link KetamaWithFallback}), so calls neither wait
 * for a timeout nor stop caching; when the server is back, its keys return to it. A server that hangs without
 * closing its connection costs each call up to {@code hermes.memcached.timeout}, until a few timeouts in a
 * row make the client drop the connection and redistribute as for a dead one. {@link FailureMode#Cancel}
 * would fail every call whose entry, tag or namespace key lives on the dead server, which with the namespace
 * key in every read means all of them for half the deployments of two servers. The price of redistributing:
 * while a server is away its keys, tag versions included, are recreated on another server, and two copies
 * of a tag version then exist. If the older copy answers again later (the server returns from a network
 * partition with its data, or the fallback server takes over a second time) after a {@code clean} wrote
 * the newer one, entries computed under the older version become valid again until they expire. A restarted
 * server comes back empty, which leaves only the second case. So that the client's own start-up does not
 * split keys this way, the first operation waits, up to the timeout, until every server is connected.
 *
 * <p><b>Values larger than the server's item size</b> ({@code -I}, 1 MB by default) are not cached, and
 * writing one does not fail, since the value is only a cache copy: {@code set} and {@code setIfLocked} delete
 * the key instead (as memcached itself does, so that the previous value does not outlive the write),
 * {@code add} returns {@code false}. The first is logged, all are counted ({@link #valuesTooLarge()}). The
 * item size is read from the servers when the client connects (the smallest of them, less room for key and
 * header), so such values are not even sent.
 *
 * <p>Keys are at most 250 bytes without spaces or control characters ({@link #keyLimits()}); memcached
 * expiry is whole seconds, so a TTL is rounded up to the next second. Nothing here ever flushes a server.
 */
public final class MemcachedBackend implements Backend {

  private static final KeyLimits KEY_LIMITS = KeyLimits.MEMCACHED;
  private static final PayloadTranscoder TRANSCODER = PayloadTranscoder.INSTANCE;

  /** memcached reads an expiry over 30 days as a Unix time. */
  private static final long MAX_RELATIVE_EXPIRY_SECONDS = Duration.ofDays(30).toSeconds();

  private final MemcachedSettings settings;
  private final ItemSizeLimit itemSizeLimit = new ItemSizeLimit();
  private final Replies replies;
  private final MemcachedConnection connection;

  MemcachedBackend(MemcachedSettings settings) {
    this.settings = settings;
    this.replies = new Replies(settings);
    this.connection = new MemcachedConnection(settings, itemSizeLimit, toString());
  }

  @Override
  public List<Payload> getAll(List<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    String subject = keys.size() == 1 ? KeyNames.named(keys.get(0)) : keys.size() + " keys";
    Map<String, Payload> found = replies.read(() -> client().asyncGetBulk(keys, TRANSCODER), "get", subject);
    List<Payload> values = new ArrayList<>(keys.size());
    for (String key : keys) {
      values.add(found.get(key));
    }
    return values;
  }

  /** Stores {@code value}; a value over the server's item size is skipped, see the class description. */
  @Override
  public void set(String key, Payload value, Duration ttl) {
    if (itemSizeLimit.fits(key, value)) {
      store("set", key, value, () -> client().set(key, expiry(ttl), value, TRANSCODER));
    } else {
      delete(key); // as memcached does when it refuses a value: the previous one must not outlive the write
    }
  }

  /** As {@link Backend#add}; {@code false} too for a value over the server's item size. */
  @Override
  public boolean add(String key, Payload value, Duration ttl) {
    return itemSizeLimit.fits(key, value)
        && store("add", key, value, () -> client().add(key, expiry(ttl), value, TRANSCODER));
  }

  /** Deletes the keys one after the other, in the order given. */
  @Override
  public void delete(String... keys) {
    for (String key : keys) {
      replies.write(() -> client().delete(key), "delete");
    }
  }

  /**
   * Frees the lock if it still holds {@code token}: reads it with its CAS id, and deletes it only if that CAS
   * id is still current, so a holder whose lease ran out never deletes the lock a successor took since.
   */
  @Override
  public void unlock(String lockKey, String token) {
    CASValue<Payload> lock = readWithCas(lockKey);
    if (heldBy(lock, token)) {
      replies.write(() -> client().delete(lockKey, lock.getCas()), "delete");
    }
  }

  /**
   * Stores {@code value} under {@code key} if {@code lockKey} holds {@code token}, such that an invalidation
   * that deletes the lock and then the entry (as {@code Hermes.invalidate} does) always wins. memcached cannot
   * write one key on condition of another, so this takes three or four round trips:
   * <ol>
   *   <li>pin the entry: read its CAS id, or, if it is absent, add a pending marker (which every read sees as
   *       absent) and take the CAS id of that;</li>
   *   <li>read the lock; not held by {@code token}: store nothing, {@code false};</li>
   *   <li>write the value with the pinned CAS id: memcached stores it only if the entry has not changed or
   *       been deleted since step 1.</li>
   * </ol>
   * Why the invalidation wins: if its lock delete came before step 2, nothing is written. Otherwise its entry
   * delete comes after step 2, so either between steps 1 and 3, and the CAS write fails, or after step 3,
   * and it deletes the value before the invalidation returns. A pending marker left by a failed attempt
   * reads as absent and expires with {@code ttl}. Deleting the entry first and the lock second would not
   * be covered: an entry delete before step 1 and a lock delete after step 2 would leave the value.
   */
  @Override
  public boolean setIfLocked(String lockKey, String token, String key, Payload value, Duration ttl) {
    if (!itemSizeLimit.fits(key, value)) {
      delete(key);
      return false;
    }
    OptionalLong pinned = pin(key, ttl);
    if (pinned.isEmpty() || !heldBy(readWithCas(lockKey), token)) {
      return false;
    }
    return store("cas", key, value, () -> client().asyncCAS(key, pinned.getAsLong(), expiry(ttl), value, TRANSCODER));
  }

  /** {@code add} with the lease plus a second: see {@link #lockExpiry}. */
  @Override
  public boolean tryLock(String lockKey, String token, Duration lease) {
    Payload owner = Payload.of(token);
    return store("add", lockKey, owner, () -> client().add(lockKey, lockExpiry(lease), owner, TRANSCODER));
  }

  /**
   * Gives the lock a new expiry if it still holds {@code token}: reads it with its CAS id and rewrites the same
   * token with that CAS id, so a lock taken over in between is left alone.
   */
  @Override
  public boolean extendLock(String lockKey, String token, Duration lease) {
    CASValue<Payload> lock = readWithCas(lockKey);
    if (!heldBy(lock, token)) {
      return false;
    }
    Payload owner = Payload.of(token);
    return store("cas", lockKey, owner, () -> client().asyncCAS(lockKey, lock.getCas(), lockExpiry(lease), owner,
        TRANSCODER));
  }

  /**
   * A lock's expiry: memcached's clock ticks in whole seconds, so an item of relative expiry n lives between
   * n - 1 and n seconds; a lease must last at least as long as asked (its holder renews it every third of
   * it), hence one second more.
   */
  private static int lockExpiry(Duration lease) {
    return expiry(lease.getSeconds() < Integer.MAX_VALUE ? lease.plusSeconds(1) : lease);
  }

  /** 250 bytes, printable characters only: memcached's key rules. */
  @Override
  public KeyLimits keyLimits() {
    return KEY_LIMITS;
  }

  /** How many values were not cached because they exceed the server's item size. */
  public long valuesTooLarge() {
    return itemSizeLimit.valuesTooLarge();
  }

  /** Closes the connections, waiting up to the operation timeout for operations under way; idempotent. */
  @Override
  public void close() {
    connection.close();
  }

  @Override
  public String toString() {
    return "MemcachedBackend[" + settings.describeServers() + "]";
  }

  /**
   * The memcached expiry of {@code ttl} at {@code nowEpochSeconds}: 0 for no expiry, whole seconds rounded
   * up up to 30 days, an absolute Unix time beyond (capped at the largest memcached accepts).
   */
  static int expiry(Duration ttl, long nowEpochSeconds) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("A TTL must not be negative, was " + ttl);
    }
    // saturated before adding: Duration.ofSeconds(Long.MAX_VALUE) must not wrap to a past expiry
    long seconds = Math.min(ttl.getSeconds(), Integer.MAX_VALUE) + (ttl.getNano() > 0 ? 1 : 0);
    if (seconds <= MAX_RELATIVE_EXPIRY_SECONDS) {
      return (int) seconds;
    }
    return (int) Math.min(Integer.MAX_VALUE, nowEpochSeconds + seconds);
  }

  private static int expiry(Duration ttl) {
    return expiry(ttl, System.currentTimeMillis() / 1000);
  }

  /** Sends {@code write}; whether memcached stored it. A refusal for size is counted, not thrown. */
  private boolean store(String command, String key, Payload value, Supplier<OperationFuture<?>> write) {
    StatusCode status = replies.write(write, command).getStatus().getStatusCode();
    if (status == StatusCode.ERR_2BIG) {
      itemSizeLimit.refusedByServer(key, value);
    }
    return status == StatusCode.SUCCESS;
  }

  /** The CAS id of {@code key}'s item, after adding a pending marker if there is none; empty if that raced. */
  private OptionalLong pin(String key, Duration ttl) {
    CASValue<Payload> current = readWithCas(key);
    if (current != null) {
      return OptionalLong.of(current.getCas());
    }
    OperationFuture<?> added = replies.write(() -> client().add(key, expiry(ttl), PayloadTranscoder.PENDING,
        TRANSCODER), "add");
    return added.getStatus().isSuccess() ? OptionalLong.of(added.getCas()) : OptionalLong.empty();
  }

  private CASValue<Payload> readWithCas(String key) {
    return replies.read(() -> client().asyncGets(key, TRANSCODER), "gets", KeyNames.named(key));
  }

  private static boolean heldBy(CASValue<Payload> lock, String token) {
    return lock != null && Payload.of(token).equals(lock.getValue());
  }

  private MemcachedClient client() {
    return connection.client();
  }
}
