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
import java.util.concurrent.atomic.AtomicInteger;
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
 * {@code repository.find(42)} on a hit, against a raw Caffeine get of the same value and against the floor
 * of any interceptor-based cache on Weld, {@link CaffeineFloorInterceptor}. Its peer outside CDI is
 * {@link SpringCaffeineHitBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CdiHitBenchmark {

  private static final User VALUE = new User(42, "Ada Lovelace", List.of("admin", "author"));

  /**
   * The bean under benchmark. Each method counts its runs, so that the setup can prove it is cached; the
   * counts are read through methods, since a field read on a client proxy would not reach the bean.
   */
  @ApplicationScoped
  public static class Repository {
    private final AtomicInteger computations = new AtomicInteger();
    private final AtomicInteger taggedComputations = new AtomicInteger();

    @HermesCached
    public User find(long id) {
      computations.incrementAndGet();
      return VALUE;
    }

    @HermesCached(tags = {"users", "user:{id}", "tenant:7"})
    public User findTagged(long id) {
      taggedComputations.incrementAndGet();
      return VALUE;
    }

    public int computations() {
      return computations.get();
    }

    public int taggedComputations() {
      return taggedComputations.get();
    }
  }

  /** The same method behind the floor interceptor. */
  @ApplicationScoped
  public static class FloorRepository {
    private final AtomicInteger computations = new AtomicInteger();

    @CaffeineFloorInterceptor.Cached
    public User find(long id) {
      computations.incrementAndGet();
      return VALUE;
    }

    public int computations() {
      return computations.get();
    }
  }

  private WeldContainer container;
  private Repository repository;
  private FloorRepository floorRepository;
  private Cache<Long, User> caffeine;

  @Setup
  public void setUp() {
    container = new Weld("benchmark").disableDiscovery()
        .beanClasses(Repository.class, FloorRepository.class, CaffeineFloorInterceptor.class)
        .addExtension(new HermesExtension()).initialize();
    repository = container.select(Repository.class).get();
    Hits.requireOneComputation("@HermesCached through Weld", () -> repository.find(42), repository::computations);
    Hits.requireOneComputation("@HermesCached with 3 tags through Weld", () -> repository.findTagged(42),
        repository::taggedComputations);
    floorRepository = container.select(FloorRepository.class).get();
    Hits.requireOneComputation("the floor interceptor", () -> floorRepository.find(42),
        floorRepository::computations);
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
  public Object floorInterceptorHit() {
    return floorRepository.find(42);
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
