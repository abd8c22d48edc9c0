package io.hermescache.quarkus.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.quarkus.runtime.HermesConfig;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * Test mode, {@code hermes.backend=redis}, no {@code hermes.redis.uri}, no Docker engine: Hermes' Dev
 * Services start the {@code redis-server} of the {@code PATH} on a free loopback port, the cached method is
 * served from it, and it is stopped with the application. (With a Docker engine the same test runs
 * against a container instead.)
 */
class RedisDevServiceTest {

  /**
   * Where the server listened, for the check after the application stopped: a system property, since the
   * test instance lives in the application's class loader and the check in JUnit's.
   */
  private static final String STARTED = "devservices-test.redis";

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Prices.class, Servers.class))
      .overrideConfigKey("hermes.backend", "redis")
      .overrideConfigKey("hermes.prefix", "devservices")
      .setAfterAllCustomizer(RedisDevServiceTest::theServerIsStopped);

  @Inject
  Prices prices;

  @Inject
  Hermes hermes;

  @Inject
  HermesConfig config;

  @Test
  void aCachedMethodIsServedFromTheRedisItStarted() throws IOException {
    URI uri = URI.create(config.redis().uri());
    assertThat(uri.getHost()).isIn("127.0.0.1", "localhost");
    assertThat(uri.getPort()).as("a free port, not the default one").isNotEqualTo(6379);
    System.setProperty(STARTED, uri.toString());

    assertThat(prices.of("apple")).isEqualTo("apple #1");
    assertThat(prices.of("apple")).as("a hit").isEqualTo("apple #1");
    assertThat(prices.calls()).isEqualTo(1);
    assertThat(Servers.children("redis-server")).isEqualTo(1);
    try (Jedis jedis = new Jedis(uri)) {
      assertThat(jedis.keys("devservices:entry:*")).as("the entry is in that Redis").hasSize(1);
    }
    assertThat(hermes.backend().toString()).startsWith("RedisBackend");
  }

  private static void theServerIsStopped() {
    assertThat(System.getProperty(STARTED)).as("the test ran").isNotNull();
    URI started = URI.create(System.clearProperty(STARTED));
    assertThat(Servers.accepts(started.getHost(), started.getPort())).as("redis-server stopped with the application")
        .isFalse();
  }
}
