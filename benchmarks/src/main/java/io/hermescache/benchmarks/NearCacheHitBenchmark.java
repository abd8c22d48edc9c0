package io.hermescache.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hermescache.Hermes;
import io.hermescache.benchmarks.InProcessHitBenchmark.User;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A Redis hit with the near cache on (its invalidation channel live), against a raw Caffeine get of the same
 * value: a value that changes rarely should cost what memory costs, not a round trip. The server is named
 * by {@code -Dhermes.redis.uri}; {@code benchmarks/run} starts one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NearCacheHitBenchmark {

  private static final User VALUE = new User(42, "Ada Lovelace", List.of("admin", "author"));
  private static final List<String> THREE_TAGS = List.of("users", "user:42", "tenant:7");

  private final AtomicInteger computations = new AtomicInteger();
  private Cache<String, Object> caffeine;
  private Hermes hermes;

  @Setup(Level.Trial)
  public void setUp() {
    caffeine = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofHours(1)).build();
    caffeine.put("user:42", VALUE);
    hermes = Hermes.builder().backend(Backends.named("redis")).prefix("bench-near")
        .nearCache(10_000, Duration.ofSeconds(1)).build();
    hermes.clean();
    hermesHit();
    hermesHitThreeTags();
  }

  /** Each iteration proves the near hits hit: two values computed once, never again. */
  @TearDown(Level.Iteration)
  public void checkHits() {
    if (computations.get() != 2) {
      throw new IllegalStateException("the near cache recomputed: " + computations.get() + " computations");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    hermes.close();
  }

  @Benchmark
  public Object rawCaffeineGet() {
    return caffeine.get("user:42", key -> VALUE);
  }

  @Benchmark
  public Object hermesHit() {
    return hermes.cached("user:42", User.class, this::compute);
  }

  @Benchmark
  public Object hermesHitThreeTags() {
    return hermes.cached("tagged:user:42", THREE_TAGS, Duration.ofHours(1), User.class, this::compute);
  }

  private User compute() {
    computations.incrementAndGet();
    return VALUE;
  }
}
