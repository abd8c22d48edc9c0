package io.hermescache.examples.quarkus;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The same HTTP tests with {@code hermes.backend=redis} and no {@code hermes.redis.uri}: Hermes' Dev
 * Services give the application a Redis (here the {@code redis-server} of the {@code PATH}; a container
 * where Docker answers).
 */
@QuarkusTest
@TestProfile(CatalogueResourceOnDevServicesTest.OnDevServices.class)
class CatalogueResourceOnDevServicesTest extends CatalogueResourceTest {

  public static final class OnDevServices implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("hermes.backend", "redis");
    }
  }

  @ConfigProperty(name = "hermes.redis.uri")
  String uri;

  @Test
  void runsOnTheRedisOfHermesDevServices() {
    assertThat(backendName()).isEqualTo("RedisBackend");
    assertThat(uri).as("set by Dev Services, not the default").isNotEqualTo("redis://localhost:6379/0");
    when().get("/products/1").then().statusCode(200);
    try (Jedis jedis = new Jedis(URI.create(uri))) {
      assertThat(jedis.keys("catalogue:entry:*")).as("the entry is in that Redis").isNotEmpty();
    }
  }
}
