package io.hermescache.redis;

import io.hermescache.spi.Backend;
import io.hermescache.spi.Settings;
import io.hermescache.test.CoherenceContractTest;
import io.hermescache.test.RedisServerExtension;
import io.hermescache.test.RedisUri;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** The coherence contract (issue 14) on a standalone Redis. */
@ExtendWith(RedisServerExtension.class)
class RedisCoherenceTest extends CoherenceContractTest {

  private final String uri;

  RedisCoherenceTest(@RedisUri String uri) {
    this.uri = uri;
  }

  @Override
  protected Backend createBackend() {
    return new RedisBackendProvider().create(Settings.of(Map.of("hermes.redis.uri", uri)));
  }
}
