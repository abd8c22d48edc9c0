package io.hermescache.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The peer of {@link CdiHitBenchmark}: a hit of Spring's {@code @Cacheable} on a {@code CaffeineCacheManager}
 * in a plain Spring context (no Boot), what a Spring application pays for {@code repository.find(42)}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SpringCaffeineHitBenchmark extends SpringCacheableHit {

  /** Spring's cache abstraction on Caffeine, bounded and expiring like the raw Caffeine of {@link CdiHitBenchmark}. */
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

  @Override
  protected Class<?> configuration() {
    return CaffeineCaching.class;
  }
}
