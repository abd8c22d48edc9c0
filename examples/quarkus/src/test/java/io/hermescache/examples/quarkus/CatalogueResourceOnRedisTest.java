package io.hermescache.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same HTTP tests with the application on a real Redis server. */
@QuarkusTest
@TestProfile(CatalogueResourceOnRedisTest.OnRedis.class)
class CatalogueResourceOnRedisTest extends CatalogueResourceTest {

  public static final class OnRedis implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(ServerResource.Redis.class));
    }
  }

  @Test
  void runsOnRedis() {
    assertThat(backendName()).isEqualTo("RedisBackend");
  }
}
