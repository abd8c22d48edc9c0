package io.hermescache.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The peer of {@link CdiHitBenchmark}: a hit of Spring's {@code @Cacheable} on a {@code CaffeineCacheManager}
 * in a plain Spring context (no Boot), what a Spring application pays for {@code repository.find(42)}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SpringCaffeineHitBenchmark {

  /** Spring's cache abstraction on Caffeine, bounded and expiring like the Hermes in-process backend. */
  @Configuration
  @EnableCaching
  public static class CaffeineCaching {
    @Bean
    public CacheManager cacheManager() {
      CaffeineCacheManager cacheManager = new CaffeineCacheManager();
      cacheManager.setCaffeine(Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofHours(1)));
      return cacheManager;
    }

    @Bean
    public SpringUserRepository repository() {
      return new SpringUserRepository();
    }
  }

  private AnnotationConfigApplicationContext context;
  private SpringUserRepository repository;

  @Setup
  public void setUp() {
    context = new AnnotationConfigApplicationContext(CaffeineCaching.class);
    repository = context.getBean(SpringUserRepository.class);
    Hits.requireOneComputation("Spring @Cacheable on Caffeine", () -> repository.find(42),
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
