package io.hermescache.benchmarks;

import io.hermescache.Hermes;
import io.hermescache.benchmarks.InProcessHitBenchmark.User;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/**
 * A cache hit on Redis through Hermes (untagged and with three tags) against a raw Jedis {@code GET} of
 * the same serialised value: the cost Hermes adds to the round trip. A raw {@code MGET} of the three keys an
 * untagged hit reads (entry, namespace version, entry version) splits that cost between what the coherence
 * protocol reads and what Hermes' own code does (decode, checks). The server is named by
 * {@code -Dhermes.redis.uri}; {@code benchmarks/run} starts one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RedisHitBenchmark {

  private static final User VALUE = new User(42, "Ada Lovelace", List.of("admin", "author"));
  private static final List<String> THREE_TAGS = List.of("users", "user:42", "tenant:7");
  private static final byte[] RAW_KEY = "raw:user:42".getBytes(StandardCharsets.UTF_8);
  private static final byte[][] HIT_KEYS = {bytes("bench:entry:user:42"), bytes("bench:namespace"),
      bytes("bench:version:user:42")};

  private RedisClient jedis;
  private Hermes hermes;

  @Setup
  public void setUp() {
    URI uri = URI.create(System.getProperty("hermes.redis.uri", "redis://127.0.0.1:6379/0"));
    jedis = RedisClient.builder().hostAndPort(new HostAndPort(uri.getHost(), uri.getPort())).build();
    hermes = Hermes.builder().backend(Backends.named("redis")).prefix("bench").build();
    hermes.cached("user:42", User.class, () -> VALUE);
    hermes.cached("tagged:user:42", THREE_TAGS, Duration.ofHours(1), User.class, () -> VALUE);
    jedis.set(RAW_KEY, jedis.get(HIT_KEYS[0]));
    if (jedis.mget(HIT_KEYS).contains(null)) {
      throw new IllegalStateException("an untagged hit no longer reads the keys rawJedisMgetOfHitKeys reads; "
          + "Redis holds " + jedis.keys("bench:*"));
    }
  }

  private static byte[] bytes(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }

  @TearDown
  public void tearDown() {
    hermes.close();
    jedis.close();
  }

  @Benchmark
  public byte[] rawJedisGet() {
    return jedis.get(RAW_KEY);
  }

  @Benchmark
  public List<byte[]> rawJedisMgetOfHitKeys() {
    return jedis.mget(HIT_KEYS);
  }

  @Benchmark
  public Object hermesHit() {
    return hermes.cached("user:42", User.class, () -> VALUE);
  }

  @Benchmark
  public Object hermesHitThreeTags() {
    return hermes.cached("tagged:user:42", THREE_TAGS, Duration.ofHours(1), User.class, () -> VALUE);
  }
}
