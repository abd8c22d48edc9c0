package io.hermescache.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hermescache.Hermes;
import io.hermescache.inprocess.InProcessBackend;
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

/** A cache hit on the in-process backend, through Hermes, against a raw Caffeine get of the same value. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InProcessHitBenchmark {

  public record User(long id, String name, List<String> roles) {}

  private static final User VALUE = new User(42, "Ada Lovelace", List.of("admin", "author"));
  private static final List<String> THREE_TAGS = List.of("users", "user:42", "tenant:7");

  private Cache<String, Object> caffeine;
  private Hermes hermes;

  @Setup
  public void setUp() {
    caffeine = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofHours(1)).build();
    caffeine.put("user:42", VALUE);
    hermes = Hermes.builder().backend(new InProcessBackend(10_000)).build();
    hermes.cached("user:42", User.class, () -> VALUE);
    hermes.cached("tagged:user:42", THREE_TAGS, Duration.ofHours(1), User.class, () -> VALUE);
  }

  @TearDown
  public void tearDown() {
    hermes.close();
  }

  @Benchmark
  public Object rawCaffeineGet() {
    return caffeine.get("user:42", key -> VALUE);
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
