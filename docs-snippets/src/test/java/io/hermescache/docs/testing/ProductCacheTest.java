package io.hermescache.docs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Settings;
import io.hermescache.test.MemcachedServerExtension;
import io.hermescache.test.MemcachedServers;
import io.hermescache.test.RedisServerExtension;
import io.hermescache.test.RedisUri;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({RedisServerExtension.class, MemcachedServerExtension.class})
class ProductCacheTest {

  @Test
  void cachesOnRedis(@RedisUri String uri) {
    assertCaches(Map.of("hermes.backend", "redis", "hermes.redis.uri", uri));
  }

  @Test
  void cachesOnMemcached(@MemcachedServers String servers) {
    assertCaches(Map.of("hermes.backend", "memcached", "hermes.memcached.servers", servers));
  }

  private static void assertCaches(Map<String, String> settings) {
    try (Hermes hermes = Hermes.builder().configure(Settings.of(settings))
        .prefix("test-" + UUID.randomUUID()).build()) {                          // keys of this test's own
      hermes.cached("answer", Integer.class, () -> 42);
      assertThat(hermes.cached("answer", Integer.class, () -> 0)).isEqualTo(42);   // read from the server
    }
  }
}
