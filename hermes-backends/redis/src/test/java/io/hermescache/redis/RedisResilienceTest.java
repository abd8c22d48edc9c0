package io.hermescache.redis;

import io.hermescache.spi.Backend;
import io.hermescache.spi.Settings;
import io.hermescache.test.ResilienceContractTest;
import io.hermescache.test.RedisServerExtension;
import io.hermescache.test.RedisUri;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** Resilience per method (issue 17) on a standalone Redis. */
@ExtendWith(RedisServerExtension.class)
class RedisResilienceTest extends ResilienceContractTest {

  private final String uri;

  RedisResilienceTest(@RedisUri String uri) {
    this.uri = uri;
  }

  @Override
  protected Backend createBackend() {
    return new RedisBackendProvider().create(Settings.of(Map.of("hermes.redis.uri", uri)));
  }
}
