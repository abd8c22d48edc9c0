package io.hermescache.examples.jakartaee;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.test.LocalRedis;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.RedisClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same WAR and tests with the server configured for Redis by system properties (which MicroProfile Config
 * reads over the WAR's file): the server named by {@code HERMES_REDIS_URI}, else a local redis-server.
 */
class CatalogueOnRedisIT extends CatalogueTests {

  private static final String PREFIX = "catalogue-" + System.nanoTime();
  private static LocalRedis localRedis;
  private static String uri;

  @RegisterExtension
  static final PayaraMicro server = new PayaraMicro("api/cache/stats", () -> Map.of("hermes.backend", "redis",
      "hermes.redis.uri", redisUri(), "hermes.prefix", PREFIX));

  @Override
  PayaraMicro server() {
    return server;
  }

  @Test
  void theEntriesAreInRedis() throws Exception {
    assertThat(send("GET", "api/products/1", null).statusCode()).isEqualTo(200);

    try (RedisClient redis = RedisClient.create(java.net.URI.create(uri))) {
      assertThat(redis.keys(PREFIX + ":entry:*")).anyMatch(key -> key.contains(Catalogue.class.getName() + ":product:"));
    }
  }

  @AfterAll
  static void stopRedis() {
    if (localRedis != null) {
      localRedis.close();
    }
  }

  private static String redisUri() {
    uri = Optional.ofNullable(System.getenv("HERMES_REDIS_URI")).filter(uri -> !uri.isBlank()).orElseGet(() -> {
      localRedis = LocalRedis.start();
      return localRedis.uri();
    });
    return uri;
  }
}
