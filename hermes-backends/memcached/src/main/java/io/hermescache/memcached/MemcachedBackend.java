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
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.spy.memcached.CASValue;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.ConnectionObserver;
import net.spy.memcached.DefaultHashAlgorithm;
import net.spy.memcached.FailureMode;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.auth.AuthDescriptor;
import net.spy.memcached.auth.PlainCallbackHandler;
import net.spy.memcached.internal.OperationFuture;
import net.spy.memcached.ops.StatusCode;

/**
 * A backend on one or more memcached servers, through spymemcached: binary protocol, keys spread over the
 * servers by consistent hashing (ketama), optional SASL PLAIN authentication. Created by
 * {@link MemcachedBackendProvider}; the client, and with it the connections, is made on the first operation.
 *
 * <p><b>A dead server is skipped.</b> The client runs in {@link FailureMode#Redistribute}: once a server's
 * connection is lost, its keys go to the next live server on the ketama ring at once, so calls neither wait
 * for a timeout nor stop caching; when the server is back, its keys return to it. A server that hangs without
 * closing its connection costs each call up to {@code hermes.memcached.timeout}, until a few timeouts in a
 * row make the client drop the connection and redistribute as for a dead one. {@link FailureMode#Cancel}
 * would fail every call whose entry, tag or namespace key lives on the dead server, which with the namespace
 * key in every read means all of them for half the deployments of two servers. The price of redistributing:
 * while a server is away its keys, tag versions included, are recreated on another server, and two copies
 * of a tag version then exist. If the older copy answers again later (the server returns from a network
 * partition with its data, or the fallback server takes over a second time) after a {@code clean} wrote
 * the newer one, entries computed under the older version become valid again until they expire. A restarted
 * server comes back empty, which leaves only the second case. To keep the client's own start-up from splitting keys this way, the
 * first operation waits, up to the timeout, until every server is connected.
 *
 * <p><b>Values larger than the server's item size</b> ({@code -I}, 1 MB by default) are not cached: a
 * {@code set} or {@code add} of one stores nothing and does not fail, since the value is only a cache copy.
 * The first is logged, all are counted ({@link #valuesTooLarge()}); once the server has refused a size,
 * values of that size or more are not sent again.
 *
 * <p>Keys are at most 250 bytes without spaces or control characters ({@link #keyLimits()}); memcached
 * expiry is whole seconds, so a TTL is rounded up to the next second. Nothing here ever flushes a server.
 */
public final class MemcachedBackend implements Backend {

  private static final System.Logger LOG = System.getLogger(MemcachedBackend.class.getName());
  private static final KeyLimits KEY_LIMITS = new KeyLimits(250, true);

  /** memcached reads an expiry over 30 days as a Unix time. */
  private static final long MAX_RELATIVE_EXPIRY_SECONDS = Duration.ofDays(30).toSeconds();

  /** Timeouts in a row after which a hanging server's connection is dropped and its keys redistributed. */
  private static final int TIMEOUTS_BEFORE_RECONNECT = 5;

  private final MemcachedSettings settings;
  private final long timeoutMillis;
  private final Object connecting = new Object();
  private volatile MemcachedClient client;
  private boolean closed;

  private final AtomicLong valuesTooLarge = new AtomicLong();
  private final AtomicInteger smallestRefusedSize = new AtomicInteger(Integer.MAX_VALUE);

  MemcachedBackend(MemcachedSettings settings) {
    this.settings = settings;
    this.timeoutMillis = settings.timeout().toMillis();
  }

  @Override
  public List<Payload> getAll(List<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    Map<String, Payload> found = await(client().asyncGetBulk(keys, PayloadTranscoder.INSTANCE), "get",
        keys.size() == 1 ? keys.get(0) : keys.size() + " keys");
    List<Payload> values = new ArrayList<>(keys.size());
    for (String key : keys) {
      values.add(found.get(key));
    }
    return values;
  }

  /** Stores {@code value}; a value over the server's item size is skipped, see the class description. */
  @Override
  public void set(String key, Payload value, Duration ttl) {
    store(StoreCommand.SET, key, value, ttl);
  }

  /** As {@link Backend#add}; {@code false} too for a value over the server's item size. */
  @Override
  public boolean add(String key, Payload value, Duration ttl) {
    return store(StoreCommand.ADD, key, value, ttl).isPresent();
  }

  @Override
  public void delete(String... keys) {
    List<OperationFuture<Boolean>> deletes = new ArrayList<>(keys.length);
    for (String key : keys) {
      deletes.add(client().delete(key));
    }
    for (OperationFuture<Boolean> delete : deletes) {
      outcome(delete, "delete");
    }
  }

  /**
   * Frees the lock if it still holds {@code token}: reads it with its CAS id, and deletes it only if that CAS
   * id is still current, so a holder whose lease ran out never deletes the lock a successor took since.
   */
  @Override
  public void unlock(String lockKey, String token) {
    CASValue<Payload> lock = readLock(lockKey);
    if (heldBy(lock, token)) {
      outcome(client().delete(lockKey, lock.getCas()), "delete");
    }
  }

  /**
   * Stores {@code value} under {@code key} if {@code lockKey} holds {@code token} before the write and still
   * holds it, unchanged, after it. memcached cannot write one key on condition of another, so this takes
   * three round trips:
   * <ol>
   *   <li>read the lock with its CAS id; not held by {@code token}: store nothing, {@code false};</li>
   *   <li>{@code set} the entry, remembering the CAS id of this write;</li>
   *   <li>read the lock again; if it is gone or its CAS id changed (an invalidation deleted it, or the lease
   *       ran out), delete the entry <em>only if it is still this write</em> (delete with its CAS id, so a
   *       newer value from the next holder survives) and return {@code false}.</li>
   * </ol>
   * Guarantee: the write does not remain if the lock is deleted (or replaced) before step 3 reads it, since
   * step 3 undoes it, nor if the entry is deleted after step 2, since that delete removes it. An invalidation
   * that deletes both ({@code Hermes.invalidate}) is therefore lost only if its entry delete lands before
   * step 2 and its lock delete after step 3, two round trips later: possible only when entry and lock live
   * on different servers and one delete is held up; the value then lives until its TTL. An undo that fails
   * throws, so that the engine counts and reports it. Between steps 2 and 3, one round trip, the value
   * can be read by others.
   */
  @Override
  public boolean setIfLocked(String lockKey, String token, String key, Payload value, Duration ttl) {
    CASValue<Payload> before = readLock(lockKey);
    if (!heldBy(before, token)) {
      return false;
    }
    OptionalLong written = store(StoreCommand.SET, key, value, ttl);
    if (written.isEmpty()) {
      return false;
    }
    CASValue<Payload> after = readLock(lockKey);
    if (heldBy(after, token) && after.getCas() == before.getCas()) {
      return true;
    }
    outcome(client().delete(key, written.getAsLong()), "delete");
    return false;
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

  /** Closes the connections, waiting up to the operation timeout for operations under way. */
  @Override
  public void close() {
    MemcachedClient open;
    synchronized (connecting) {
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
    long seconds = ttl.getSeconds() + (ttl.getNano() > 0 ? 1 : 0);
    if (seconds <= MAX_RELATIVE_EXPIRY_SECONDS) {
      return (int) seconds;
    }
    return (int) Math.min(Integer.MAX_VALUE, nowEpochSeconds + seconds);
  }

  /** The two store commands, so that size and status handling exist once. */
  private enum StoreCommand {
    SET, ADD
  }

  /** Writes {@code value}; the CAS id of the stored item, or empty if not stored (present, or too large). */
  private OptionalLong store(StoreCommand command, String key, Payload value, Duration ttl) {
    if (value.size() >= smallestRefusedSize.get()) {
      tooLarge(key, value);
      return OptionalLong.empty();
    }
    int expiry = expiry(ttl, System.currentTimeMillis() / 1000);
    OperationFuture<Boolean> write = command == StoreCommand.SET
        ? client().set(key, expiry, value, PayloadTranscoder.INSTANCE)
        : client().add(key, expiry, value, PayloadTranscoder.INSTANCE);
    StatusCode status = outcome(write, command.name().toLowerCase(Locale.ROOT));
    if (status == StatusCode.SUCCESS) {
      return OptionalLong.of(write.getCas());
    }
    if (status == StatusCode.ERR_2BIG) {
      smallestRefusedSize.accumulateAndGet(value.size(), Math::min);
      tooLarge(key, value);
    }
    return OptionalLong.empty();
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

  private CASValue<Payload> readLock(String lockKey) {
    return await(client().asyncGets(lockKey, PayloadTranscoder.INSTANCE), "gets", lockKey);
  }

  private static boolean heldBy(CASValue<Payload> lock, String token) {
    return lock != null && lock.getValue().equals(Payload.of(token));
  }

  /**
   * Waits for a write: its status if it was done or refused for a reason memcached reports per key (already
   * there, not there, CAS changed, too large); throws if it failed.
   */
  private StatusCode outcome(OperationFuture<Boolean> write, String command) {
    await(write, command, write.getKey());
    StatusCode status = write.getStatus().getStatusCode();
    switch (status) {
      case SUCCESS, ERR_EXISTS, ERR_NOT_FOUND, ERR_NOT_STORED, ERR_2BIG:
        return status;
      default:
        throw new HermesException("memcached " + command + " " + write.getKey() + " failed: " + status + " "
            + write.getStatus().getMessage() + " (" + settings.describeServers() + ")");
    }
  }

  private <T> T await(Future<T> operation, String command, String subject) {
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
      throw new HermesException("memcached " + command + " " + subject + " failed (" + settings.describeServers()
          + "): " + e.getCause(), e.getCause());
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
    ConnectionFactoryBuilder factory = new ConnectionFactoryBuilder()
        .setProtocol(ConnectionFactoryBuilder.Protocol.BINARY)
        .setLocatorType(ConnectionFactoryBuilder.Locator.CONSISTENT)
        .setHashAlg(DefaultHashAlgorithm.KETAMA_HASH)
        .setFailureMode(FailureMode.Redistribute)
        .setOpTimeout(timeoutMillis)
        .setOpQueueMaxBlockTime(timeoutMillis)
        .setTimeoutExceptionThreshold(TIMEOUTS_BEFORE_RECONNECT)
        .setDaemon(true);
    settings.credentials().ifPresent(credentials -> factory.setAuthDescriptor(new AuthDescriptor(new String[] {"PLAIN"},
        new PlainCallbackHandler(credentials.username(), credentials.password()))));
    List<InetSocketAddress> servers = resolved();
    CountDownLatch connected = new CountDownLatch(servers.size());
    factory.setInitialObservers(List.of(new ConnectionObserver() {
      @Override
      public void connectionEstablished(SocketAddress server, int reconnectCount) {
        connected.countDown();
      }

      @Override
      public void connectionLost(SocketAddress server) {}
    }));
    MemcachedClient made;
    try {
      made = new MemcachedClient(factory.build(), servers);
    } catch (IOException e) {
      throw new HermesException("Cannot connect to memcached " + settings.describeServers() + ": " + e, e);
    }
    try {
      // Keys of a server still connecting would go to another one (Redistribute): wait for all, within reason.
      connected.await(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return made;
  }

  /** The configured servers, resolved when the client is made: a host that does not resolve fails operations, not configuration. */
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
