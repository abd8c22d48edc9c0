package io.hermescache.benchmarks;

import io.hermescache.benchmarks.InProcessHitBenchmark.User;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.serializer.Jackson2JsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/**
 * The peer of {@link RedisHitBenchmark}: a hit of Spring's {@code @Cacheable} on Spring Data Redis'
 * {@code RedisCacheManager} (Jedis connection factory, the value in JSON by Jackson), in a plain Spring
 * context. The server is named by {@code -Dhermes.redis.uri}; {@code benchmarks/run} starts one.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SpringRedisHitBenchmark extends SpringCacheableHit {

  /** Spring's cache abstraction on Redis, with the entry time to live of the Hermes benchmark. */
  @Configuration
  @EnableCaching
  public static class RedisCaching {
    @Bean
    public JedisConnectionFactory connectionFactory() {
      URI uri = URI.create(System.getProperty("hermes.redis.uri", "redis://127.0.0.1:6379/0"));
      return new JedisConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
    }

    @Bean
    public CacheManager cacheManager(JedisConnectionFactory connectionFactory) {
      RedisCacheConfiguration users = RedisCacheConfiguration.defaultCacheConfig().entryTtl(Duration.ofHours(1))
          .prefixCacheNameWith("spring-bench:")
          .serializeValuesWith(SerializationPair.fromSerializer(new Jackson2JsonRedisSerializer<>(User.class)));
      return RedisCacheManager.builder(connectionFactory).cacheDefaults(users).build();
    }

    @Bean
    public SpringUserRepository repository() {
      return new SpringUserRepository();
    }
  }

  @Override
  protected Class<?> configuration() {
    return RedisCaching.class;
  }
}
