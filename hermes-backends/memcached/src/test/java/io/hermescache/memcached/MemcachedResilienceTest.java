package io.hermescache.memcached;

import io.hermescache.spi.Backend;
import io.hermescache.spi.Settings;
import io.hermescache.test.ResilienceContractTest;
import io.hermescache.test.MemcachedServerExtension;
import io.hermescache.test.MemcachedServers;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** Resilience per method (issue 17) on a real memcached. */
@ExtendWith(MemcachedServerExtension.class)
class MemcachedResilienceTest extends ResilienceContractTest {

  private final String servers;

  MemcachedResilienceTest(@MemcachedServers String servers) {
    this.servers = servers;
  }

  @Override
  protected Backend createBackend() {
    return new MemcachedBackendProvider().create(Settings.of(Map.of("hermes.memcached.servers", servers)));
  }
}
