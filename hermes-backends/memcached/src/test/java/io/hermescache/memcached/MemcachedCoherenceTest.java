package io.hermescache.memcached;

import io.hermescache.spi.Backend;
import io.hermescache.spi.Settings;
import io.hermescache.test.CoherenceContractTest;
import io.hermescache.test.MemcachedServerExtension;
import io.hermescache.test.MemcachedServers;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** The coherence contract (issue 14) on a real memcached, whose lock is {@code add} and which has no atomic compare-and-set script. */
@ExtendWith(MemcachedServerExtension.class)
class MemcachedCoherenceTest extends CoherenceContractTest {

  private final String servers;

  MemcachedCoherenceTest(@MemcachedServers String servers) {
    this.servers = servers;
  }

  @Override
  protected Backend createBackend() {
    return new MemcachedBackendProvider().create(Settings.of(Map.of("hermes.memcached.servers", servers)));
  }
}
