package io.hermescache.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same HTTP tests with the application on a real memcached server. */
@QuarkusTest
@TestProfile(CatalogueResourceOnMemcachedTest.OnMemcached.class)
class CatalogueResourceOnMemcachedTest extends CatalogueResourceTest {

  public static final class OnMemcached implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(ServerResource.Memcached.class));
    }
  }

  @Test
  void runsOnMemcached() {
    assertThat(backendName()).isEqualTo("MemcachedBackend");
  }
}
