package io.hermescache.examples.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.config.mp.MpConfigSources;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.hermescache.test.LocalRedis;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The same tests with the service configured for Redis over its own configuration: the server named by
 * {@code HERMES_REDIS_URI}, else a local redis-server.
 */
@HelidonTest
class CatalogueOnRedisTest extends CatalogueTests {

  private static final String PREFIX = "catalogue-" + System.nanoTime();
  private static LocalRedis localRedis;
  private static String uri;

  @AddConfigSource
  static ConfigSource onRedis() {
    uri = Optional.ofNullable(System.getenv("HERMES_REDIS_URI")).filter(value -> !value.isBlank()).orElseGet(() -> {
      localRedis = LocalRedis.start();
      return localRedis.uri();
    });
    // over META-INF/microprofile-config.properties (ordinal 100), as system properties or the environment would be
    return MpConfigSources.create("redis", Map.of("hermes.backend", "redis", "hermes.redis.uri", uri,
        "hermes.prefix", PREFIX, ConfigSource.CONFIG_ORDINAL, "500"));
  }

  @AfterAll
  static void stopRedis() {
    if (localRedis != null) {
      localRedis.close();
    }
  }

  @Test
  void theEntriesAreInRedis() {
    assertThat(product(1).name()).isEqualTo("Kettle");

    try (RedisClient redis = RedisClient.create(URI.create(uri))) {
      assertThat(redis.keys(PREFIX + ":entry:*")).anyMatch(key -> key.contains(Catalogue.class.getName() + ":product:"));
    }
  }
}
