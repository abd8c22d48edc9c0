package io.hermescache.redis;

import io.hermescache.spi.Backend;
import io.hermescache.spi.KeyLimits;
import io.hermescache.spi.Payload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.ClusterPipeline;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * A backend on Redis through Jedis: a standalone server, a Sentinel-managed master or a Redis Cluster, as
 * configured by {@link RedisBackendProvider}. Keys and values are stored as they are (binary-safe), so the
 * layout of the design ({@code cache:entry:…}, {@code cache:version:…}, {@code cache:tag:…},
 * {@code cache:lock:…}, {@code cache:namespace}) can be inspected with {@code redis-cli --scan}.
 *
 * <p>Nothing connects until the first operation. A read is one {@code MGET}; locks are {@code SET NX PX}
 * with a token, released by an atomic compare-and-delete script; {@link #setIfLocked} is one script that
 * checks the lock and writes the entry.
 *
 * <p><b>Cluster.</b> The entry, its versions and its lock hash to different slots, usually on different
 * nodes, and the layout must not change to bring them together (hash tags would). So in a cluster
 * {@link #getAll} pipelines one {@code GET} per key, grouped per node, the nodes in parallel: still one round
 * trip, never a cross-slot {@code MGET}; and {@link #setIfLocked} checks the lock and then writes the entry,
 * two steps rather than one script, since no script spans two nodes. That is enough: coherence does not rest
 * on the lock. Every entry carries the versions (namespace, tags, and its own entry version) read before its
 * value was computed, and every invalidation, {@code invalidate(key)} included, writes a new version that a
 * later read sees; a value written under an old version is never served. The lock only keeps peers from
 * computing the same value twice. So invalidation is exact in a cluster as on a single server.
 * Lock and single-key operations go to the node of their key, as on a single server.
 *
 * <p><b>Keys</b> are at most 512 bytes and hold no braces ({@link #keyLimits()}): a longer key, or one with
 * a brace, keeps a readable head and ends in a hash of the whole, so a 5 MB argument is not a 5 MB key and
 * no argument's text picks the cluster slot of its key with a {@code {hash tag}}.
 */
public final class RedisBackend implements Backend {

  private static final LuaScript COMPARE_AND_DELETE = new LuaScript(
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0");

  /** KEYS: lock, entry. ARGV: token, value, TTL in milliseconds (0: no expiry). */
  private static final LuaScript SET_IF_LOCKED = new LuaScript(
      "if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end "
          + "if ARGV[3] == '0' then redis.call('SET', KEYS[2], ARGV[2]) "
          + "else redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]) end return 1");

  /** KEYS: lock. ARGV: token, lease in milliseconds. */
  private static final LuaScript COMPARE_AND_EXPIRE = new LuaScript(
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0");

  /** About 3,000 years: "forever" for a cache, far from the overflow of Redis' expiry arithmetic. */
  static final long MAX_TTL_MILLIS = 100_000_000_000_000L;

  private final RedisConfig config;
  private volatile UnifiedJedis client;
  private ExecutorService clusterReaders;
  private boolean closed;

  RedisBackend(RedisConfig config) {
    this.config = config;
  }

  @Override
  public List<Payload> getAll(List<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    byte[][] rawKeys = keys.stream().map(RedisBackend::bytes).toArray(byte[][]::new);
    List<byte[]> values = config.cluster() ? getAcrossNodes(rawKeys) : client().mget(rawKeys);
    List<Payload> payloads = new ArrayList<>(values.size());
    for (byte[] value : values) {
      payloads.add(value == null ? null : Payload.of(value));
    }
    return payloads;
  }

  @Override
  public void set(String key, Payload value, Duration ttl) {
    client().set(bytes(key), value.bytes(), expiring(SetParams.setParams(), ttl));
  }

  @Override
  public boolean add(String key, Payload value, Duration ttl) {
    return client().set(bytes(key), value.bytes(), expiring(SetParams.setParams().nx(), ttl)) != null;
  }

  @Override
  public void delete(String... keys) {
    if (keys.length == 0) {
      return;
    }
    byte[][] rawKeys = Arrays.stream(keys).map(RedisBackend::bytes).toArray(byte[][]::new);
    UnifiedJedis redis = client();
    redis.del(rawKeys);
  }

  @Override
  public void unlock(String lockKey, String token) {
    COMPARE_AND_DELETE.run(client(), List.of(bytes(lockKey)), List.of(bytes(token)));
  }

  @Override
  public boolean setIfLocked(String lockKey, String token, String key, Payload value, Duration ttl) {
    UnifiedJedis redis = client();
    if (!config.cluster()) {
      Object stored = SET_IF_LOCKED.run(redis, List.of(bytes(lockKey), bytes(key)),
          List.of(bytes(token), value.bytes(), bytes(Long.toString(ttl.isZero() ? 0 : millis(ttl)))));
      return Long.valueOf(1).equals(stored);
    }
    if (!holds(redis, lockKey, token)) {
      return false;
    }
    redis.set(bytes(key), value.bytes(), expiring(SetParams.setParams(), ttl));
    return true;
  }

  /** One script: {@code PEXPIRE} the lock only if it still holds {@code token}. */
  @Override
  public boolean extendLock(String lockKey, String token, Duration lease) {
    Object extended = COMPARE_AND_EXPIRE.run(client(), List.of(bytes(lockKey)),
        List.of(bytes(token), bytes(Long.toString(millis(lease)))));
    return Long.valueOf(1).equals(extended);
  }

  private static boolean holds(UnifiedJedis redis, String lockKey, String token) {
    return Arrays.equals(redis.get(bytes(lockKey)), bytes(token));
  }

  /** 512 bytes, no braces: see the class comment. */
  @Override
  public KeyLimits keyLimits() {
    return KeyLimits.REDIS;
  }

  @Override
  public void close() {
    UnifiedJedis open;
    synchronized (this) {
      closed = true;
      open = client;
      client = null;
      if (clusterReaders != null) {
        clusterReaders.shutdown();
      }
    }
    if (open != null) {
      open.close();
    }
  }

  /** Where this backend goes, without credentials. */
  @Override
  public String toString() {
    return "RedisBackend[" + config + "]";
  }

  /** The client, created on first use; a failed creation (cluster or sentinel unreachable) is retried next time. */
  private UnifiedJedis client() {
    UnifiedJedis current = client;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException(this + " is closed");
      }
      if (client == null) {
        client = config.newClient();
        if (config.cluster()) {
          clusterReaders = Executors.newCachedThreadPool(new DaemonThreads("hermes-redis-read"));
        }
      }
      return client;
    }
  }

  /** One GET per key, pipelined per node, nodes in parallel: the cluster form of one MGET. */
  private List<byte[]> getAcrossNodes(byte[][] keys) {
    RedisClusterClient cluster = (RedisClusterClient) client();
    try (ClusterPipeline pipeline = cluster.pipelined(clusterReaders)) {
      List<Response<byte[]>> responses = new ArrayList<>(keys.length);
      for (byte[] key : keys) {
        responses.add(pipeline.get(key));
      }
      pipeline.sync();
      List<byte[]> values = new ArrayList<>(keys.length);
      for (Response<byte[]> response : responses) {
        values.add(response.get());
      }
      return values;
    }
  }

  private static SetParams expiring(SetParams params, Duration ttl) {
    return ttl.isZero() ? params : params.px(millis(ttl));
  }

  /**
   * A positive TTL in Redis' milliseconds: at least 1 (0 would mean "no expiry" to the scripts, and
   * {@code PX 0} is an error), at most {@link #MAX_TTL_MILLIS} (Redis refuses an expiry that overflows when
   * added to its clock).
   */
  static long millis(Duration ttl) {
    long millis;
    try {
      millis = ttl.toMillis();
    } catch (ArithmeticException e) {
      millis = MAX_TTL_MILLIS;
    }
    return Math.max(1, Math.min(millis, MAX_TTL_MILLIS));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
    private final String name;
    private final AtomicInteger count = new AtomicInteger();

    DaemonThreads(String name) {
      this.name = name;
    }

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
