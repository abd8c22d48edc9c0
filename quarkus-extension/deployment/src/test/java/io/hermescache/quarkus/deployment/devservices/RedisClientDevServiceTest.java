package io.hermescache.quarkus.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.quarkus.runtime.HermesConfig;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * When another Dev Service announces a Redis under {@code quarkus.redis.hosts}, as quarkus-redis-client's
 * does, Hermes uses that Redis and starts none of its own. quarkus-redis-client's Dev Services need Docker,
 * which this build does not have: a build step of the test stands in for it, announcing a real
 * {@code redis-server} it starts the same way.
 */
class RedisClientDevServiceTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Prices.class, Servers.class))
      .overrideConfigKey("hermes.backend", "redis")
      .overrideConfigKey("hermes.prefix", "shared")
      .addBuildChainCustomizer(chain -> chain.addBuildStep(context -> context.produce(redisClientDevService()))
          .produces(DevServicesResultBuildItem.class).build());

  /** What quarkus-redis-client's Dev Services produce, with a local server for their container. */
  private static DevServicesResultBuildItem redisClientDevService() {
    return DevServicesResultBuildItem.owned()
        .feature("redis-client")
        .serviceName("<default>")
        .serviceConfig("stand-in")
        .startable(() -> new LocalServer(DevServer.REDIS,
            DevServer.REDIS.findExecutable(System.getenv("PATH")).orElseThrow()))
        .configProvider(Map.of(HermesDevServicesProcessor.REDIS_CLIENT_HOSTS, server -> "redis://" + server.getConnectionInfo()))
        .build();
  }

  @Inject
  Prices prices;

  @Inject
  HermesConfig config;

  @ConfigProperty(name = "quarkus.redis.hosts")
  String redisClientHosts;

  @Test
  void hermesUsesTheRedisOfTheRedisClientsDevServices() throws IOException {
    assertThat(config.redis().uri()).isEqualTo(redisClientHosts).startsWith("redis://127.0.0.1:");
    assertThat(Servers.children("redis-server")).as("only the redis client's server").isEqualTo(1);

    assertThat(prices.of("pear")).isEqualTo("pear #1");
    assertThat(prices.of("pear")).isEqualTo("pear #1");
    try (Jedis jedis = new Jedis(URI.create(redisClientHosts))) {
      assertThat(jedis.keys("shared:entry:*")).hasSize(1);
    }
  }
}
