package io.hermescache.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * A hit of Spring's {@code @Cacheable} on {@link SpringUserRepository}, in a plain Spring context (no Boot)
 * whose {@code @Configuration} each subclass names: the Spring peers of the Hermes hit benchmarks.
 */
@State(Scope.Benchmark)
public abstract class SpringCacheableHit {

  private AnnotationConfigApplicationContext context;
  private SpringUserRepository repository;

  /** The {@code @Configuration} with {@code @EnableCaching}, the cache manager and the repository. */
  protected abstract Class<?> configuration();

  @Setup
  public void setUp() {
    context = new AnnotationConfigApplicationContext(configuration());
    repository = context.getBean(SpringUserRepository.class);
    // an entry left on a Redis server by an earlier fork would make the first call a hit too
    context.getBean(CacheManager.class).getCache("users").clear();
    Hits.requireOneComputation("Spring @Cacheable (" + getClass().getSimpleName() + ")", () -> repository.find(42),
        repository::computations);
  }

  @TearDown
  public void tearDown() {
    context.close();
  }

  @Benchmark
  public Object cacheableHit() {
    return repository.find(42);
  }
}
