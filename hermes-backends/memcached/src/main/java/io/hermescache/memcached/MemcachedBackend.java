package io.hermescache.memcached;

import io.hermescache.HermesException;
import io.hermescache.spi.Backend;
import io.hermescache.spi.KeyLimits;
import io.hermescache.spi.Payload;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import net.spy.memcached.CASValue;
import net.spy.memcached.ConnectionObserver;
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

  private static final System.Logger LOG = System.getLogger(MemcachedBackend.class.getName());
  private static final KeyLimits KEY_LIMITS = KeyLimits.MEMCACHED;
  private static final PayloadTranscoder TRANSCODER = PayloadTranscoder.INSTANCE;

  /** memcached reads an expiry over 30 days as a Unix time. */
  private static final long MAX_RELATIVE_EXPIRY_SECONDS = Duration.ofDays(30).toSeconds();

  /** memcached's default item size ({@code -I}), assumed when a server does not tell its own. */
  private static final int DEFAULT_ITEM_SIZE = 1 << 20;

  /** Room an item needs besides its value: the longest key and the item header, rounded up. */
  private static final int ITEM_OVERHEAD = 250 + 64;

  private final MemcachedSettings settings;
  private final long timeoutMillis;
  private final Object connecting = new Object();
  private volatile MemcachedClient client;
  private boolean closed;

  private final AtomicLong valuesTooLarge = new AtomicLong();
  private final AtomicInteger largestValue = new AtomicInteger(largestValue(DEFAULT_ITEM_SIZE));

  MemcachedBackend(MemcachedSettings settings) {
    this.settings = settings;
    this.timeoutMillis = settings.timeout().toMillis();
  }

  @Override
  public List<Payload> getAll(List<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    String subject = keys.size() == 1 ? keys.get(0) : keys.size() + " keys";
    Map<String, Payload> found = retryingOnce(() -> await(client().asyncGetBulk(keys, TRANSCODER), "get", subject));
    List<Payload> values = new ArrayList<>(keys.size());
    for (String key : keys) {
      values.add(found.get(key));
    }
    return values;
  }

  /** Stores {@code value}; a value over the server's item size is skipped, see the class description. */
  @Override
  public void set(String key, Payload value, Duration ttl) {
    if (fits(key, value)) {
      store("set", key, value, () -> client().set(key, expiry(ttl), value, TRANSCODER));
    } else {
      delete(key); // as memcached does when it refuses a value: the previous one must not outlive the write
    }
  }

  /** As {@link Backend#add}; {@code false} too for a value over the server's item size. */
  @Override
  public boolean add(String key, Payload value, Duration ttl) {
    return fits(key, value) && store("add", key, value, () -> client().add(key, expiry(ttl), value, TRANSCODER));
  }

  /** Deletes the keys one after the other, in the order given. */
  @Override
  public void delete(String... keys) {
    for (String key : keys) {
      retryingOnce(() -> written(client().delete(key), "delete"));
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
      retryingOnce(() -> written(client().delete(lockKey, lock.getCas()), "delete"));
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
    if (!fits(key, value)) {
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
    return valuesTooLarge.get();
  }

  /** Closes the connections, waiting up to the operation timeout for operations under way; idempotent. */
  @Override
  public void close() {
    MemcachedClient open;
    synchronized (connecting) {
      if (closed) {
        return;
      }
      closed = true;
      open = client;
    }
    if (open != null) {
      open.shutdown(timeoutMillis, TimeUnit.MILLISECONDS);
    }
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

  /**
   * Whether {@code value} is within the servers' item size; counts and logs it if not. Checked before sending
   * rather than left to the server: spymemcached mishandles a CAS write refused for size, and a large value
   * is not worth the transfer.
   */
  private boolean fits(String key, Payload value) {
    if (value.size() <= largestValue.get()) {
      return true;
    }
    tooLarge(key, value);
    return false;
  }

  /** Sends {@code write}; whether memcached stored it. A refusal for size is counted, not thrown. */
  private boolean store(String command, String key, Payload value, Supplier<OperationFuture<?>> write) {
    StatusCode status = retryingOnce(() -> written(write.get(), command)).getStatus().getStatusCode();
    if (status == StatusCode.ERR_2BIG) {
      largestValue.accumulateAndGet(value.size() - 1, Math::min);
      tooLarge(key, value);
    }
    return status == StatusCode.SUCCESS;
  }

  private void tooLarge(String key, Payload value) {
    if (valuesTooLarge.incrementAndGet() == 1) {
      LOG.log(System.Logger.Level.WARNING, "A value of " + value.size() + " bytes for " + key + " is larger than"
          + " memcached's item size (its -I option, 1 MB by default) and is not cached; the method's result is"
          + " still returned. Further such values are counted (MemcachedBackend.valuesTooLarge), not logged.");
    } else {
      LOG.log(System.Logger.Level.DEBUG, "Not cached, too large for memcached: " + value.size() + " bytes for " + key);
    }
  }

  /** The CAS id of {@code key}'s item, after adding a pending marker if there is none; empty if that raced. */
  private OptionalLong pin(String key, Duration ttl) {
    CASValue<Payload> current = readWithCas(key);
    if (current != null) {
      return OptionalLong.of(current.getCas());
    }
    OperationFuture<?> added = retryingOnce(() -> written(client().add(key, expiry(ttl), PayloadTranscoder.PENDING,
        TRANSCODER), "add"));
    return added.getStatus().isSuccess() ? OptionalLong.of(added.getCas()) : OptionalLong.empty();
  }

  private CASValue<Payload> readWithCas(String key) {
    return retryingOnce(() -> await(client().asyncGets(key, TRANSCODER), "gets", key));
  }

  private static boolean heldBy(CASValue<Payload> lock, String token) {
    return lock != null && Payload.of(token).equals(lock.getValue());
  }

  /**
   * Waits for a write that memcached either did or refused for a reason of the key's own (already there, not
   * there, CAS changed, too large); throws if it failed otherwise.
   */
  private OperationFuture<?> written(OperationFuture<?> write, String command) {
    await(write, command, write.getKey());
    StatusCode status = write.getStatus().getStatusCode();
    switch (status) {
      case SUCCESS, ERR_EXISTS, ERR_NOT_FOUND, ERR_NOT_STORED, ERR_2BIG:
        return write;
      default:
        throw new HermesException("memcached " + command + " " + write.getKey() + " failed: " + status + " "
            + write.getStatus().getMessage() + " (" + settings.describeServers() + ")");
    }
  }

  /**
   * {@code operation}, tried a second time if its connection was lost under it. spymemcached cancels the
   * operations it had sent on a connection that breaks; by the time the caller sees that, the server is marked
   * down and skipped, so the second try goes to the next server on the ring.
   */
  private static <T> T retryingOnce(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (ConnectionLost e) {
      return operation.get();
    }
  }

  private <T> T await(Future<? extends T> operation, String command, String subject) {
    try {
      return operation.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      operation.cancel(false);
      throw new HermesException("Interrupted during memcached " + command + " " + subject, e);
    } catch (TimeoutException e) {
      operation.cancel(false);
      throw new HermesException("memcached " + command + " " + subject + " timed out after " + timeoutMillis
          + " ms (" + settings.describeServers() + ", hermes.memcached.timeout)", e);
    } catch (ExecutionException e) {
      String message = "memcached " + command + " " + subject + " failed (" + settings.describeServers() + "): "
          + e.getCause();
      throw e.getCause() instanceof CancellationException ? new ConnectionLost(message, e.getCause())
          : new HermesException(message, e.getCause());
    }
  }

  /** An operation cancelled by spymemcached because the connection it was sent on broke. */
  private static final class ConnectionLost extends HermesException {
    private static final long serialVersionUID = 1L;

    ConnectionLost(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The client, made on first use: spymemcached connects in its constructor. */
  private MemcachedClient client() {
    MemcachedClient current = client;
    if (current != null) {
      return current;
    }
    synchronized (connecting) {
      if (closed) {
        throw new IllegalStateException(this + " is closed");
      }
      if (client == null) {
        client = connect();
      }
      return client;
    }
  }

  private MemcachedClient connect() {
    // spymemcached logs to stderr unless told otherwise; send its log where Hermes' goes (java.util.logging).
    System.getProperties().putIfAbsent("net.spy.log.LoggerImpl", "net.spy.memcached.compat.log.SunLogger");
    List<InetSocketAddress> servers = resolved();
    CountDownLatch connected = new CountDownLatch(servers.size());
    ConnectionObserver counter = new ConnectionObserver() {
      @Override
      public void connectionEstablished(SocketAddress server, int reconnectCount) {
        connected.countDown();
      }

      @Override
      public void connectionLost(SocketAddress server) {}
    };
    MemcachedClient made;
    try {
      made = new MemcachedClient(new HermesConnectionFactory(settings, counter), servers);
    } catch (IOException e) {
      throw new HermesException("Cannot connect to memcached " + settings.describeServers() + ": " + e, e);
    }
    try {
      // Keys of a server still connecting would go to another one (Redistribute): wait for all, within reason.
      connected.await(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (connected.getCount() < servers.size()) {
      largestValue.set(largestValue(smallestItemSize(made)));
    }
    return made;
  }

  /** The smallest item size of the servers that answer, from {@code stats settings}; the default if none tells. */
  private static int smallestItemSize(MemcachedClient client) {
    try {
      return client.getStats("settings").values().stream().map(stats -> stats.get("item_size_max"))
          .filter(Objects::nonNull).mapToInt(Integer::parseInt).min().orElse(DEFAULT_ITEM_SIZE);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "memcached did not tell its item size; assuming " + DEFAULT_ITEM_SIZE, e);
      return DEFAULT_ITEM_SIZE;
    }
  }

  private static int largestValue(int itemSize) {
    return itemSize - ITEM_OVERHEAD;
  }

  /** The servers, resolved when the client is made: a host that does not resolve fails operations, not configuration. */
  private List<InetSocketAddress> resolved() {
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (InetSocketAddress server : settings.servers()) {
      InetSocketAddress address = new InetSocketAddress(server.getHostString(), server.getPort());
      if (address.isUnresolved()) {
        throw new HermesException("Cannot resolve memcached host " + server.getHostString()
            + " (hermes.memcached.servers = " + settings.describeServers() + ")");
      }
      addresses.add(address);
    }
    return addresses;
  }
}
