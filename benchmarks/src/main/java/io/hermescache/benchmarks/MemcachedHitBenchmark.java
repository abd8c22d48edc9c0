package io.hermescache.benchmarks;

import io.hermescache.Hermes;
import io.hermescache.benchmarks.InProcessHitBenchmark.User;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.spy.memcached.AddrUtil;
import net.spy.memcached.BinaryConnectionFactory;
import net.spy.memcached.MemcachedClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A cache hit on Memcached through Hermes (untagged and with three tags) against a raw spymemcached
 * {@code get} of a value of the same size. The servers are named by {@code -Dhermes.memcached.servers};
 * {@code benchmarks/run} starts one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MemcachedHitBenchmark {

  private static final User VALUE = new User(42, "Ada Lovelace", List.of("admin", "author"));
  private static final List<String> THREE_TAGS = List.of("users", "user:42", "tenant:7");

  private MemcachedClient memcached;
  private Hermes hermes;

  @Setup
  public void setUp() throws IOException {
    String servers = System.getProperty("hermes.memcached.servers", "127.0.0.1:11211");
    memcached = new MemcachedClient(new BinaryConnectionFactory(), AddrUtil.getAddresses(servers.replace(',', ' ')));
    hermes = Hermes.builder().backend(Backends.named("memcached")).prefix("bench").build();
    hermes.cached("user:42", User.class, () -> VALUE);
    hermes.cached("tagged:user:42", THREE_TAGS, Duration.ofHours(1), User.class, () -> VALUE);
    byte[] stored = hermes.backend().getAll(List.of("bench:entry:user:42")).get(0).bytes();
    memcached.set("raw:user:42", 3600, stored).getStatus();
  }

  @TearDown
  public void tearDown() {
    hermes.close();
    memcached.shutdown();
  }

  @Benchmark
  public Object rawGet() {
    return memcached.get("raw:user:42");
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
