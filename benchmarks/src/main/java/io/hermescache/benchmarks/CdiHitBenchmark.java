package io.hermescache.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hermescache.HermesCached;
import io.hermescache.benchmarks.InProcessHitBenchmark.User;
import io.hermescache.cdi.HermesExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A cache hit through a CDI proxy (Weld SE, in-process backend): what an application pays for
 * {@code repository.find(42)} on a hit, against a raw Caffeine get of the same value.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CdiHitBenchmark {

  private static final User VALUE = new User(42, "Ada Lovelace", List.of("admin", "author"));

  /** The bean under benchmark. */
  @ApplicationScoped
  public static class Repository {
    @HermesCached
    public User find(long id) {
      return VALUE;
    }

    @HermesCached(tags = {"users", "user:{id}", "tenant:7"})
    public User findTagged(long id) {
      return VALUE;
    }
  }

  private WeldContainer container;
  private Repository repository;
  private Cache<Long, User> caffeine;

  @Setup
  public void setUp() {
    container = new Weld("benchmark").disableDiscovery().beanClasses(Repository.class)
        .addExtension(new HermesExtension()).initialize();
    repository = container.select(Repository.class).get();
    repository.find(42);
    repository.findTagged(42);
    caffeine = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofHours(1)).build();
    caffeine.put(42L, VALUE);
  }

  @TearDown
  public void tearDown() {
    container.close();
  }

  @Benchmark
  public Object rawCaffeineGet() {
    return caffeine.get(42L, id -> VALUE);
  }

  @Benchmark
  public Object proxyHit() {
    return repository.find(42);
  }

  @Benchmark
  public Object proxyHitThreeTags() {
    return repository.findTagged(42);
  }
}
