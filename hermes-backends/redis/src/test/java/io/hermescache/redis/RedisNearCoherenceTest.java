package io.hermescache.redis;

import io.hermescache.Hermes;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Settings;
import io.hermescache.test.CoherenceContractTest;
import io.hermescache.test.RedisServerExtension;
import io.hermescache.test.RedisUri;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The coherence contract (issue 14) on a standalone Redis with every instance's near cache on (issue 18):
 * what holds without it holds with it, within the scenarios' instances.
 */
@ExtendWith(RedisServerExtension.class)
class RedisNearCoherenceTest extends CoherenceContractTest {

  private final String uri;

  RedisNearCoherenceTest(@RedisUri String uri) {
    this.uri = uri;
  }

  @Override
  protected Backend createBackend() {
    return new RedisBackendProvider().create(Settings.of(Map.of("hermes.redis.uri", uri)));
  }

  @Override
  protected Hermes.Builder hermes(Backend on) {
    return super.hermes(on).nearCache(1000, Duration.ofSeconds(1));
  }
}
