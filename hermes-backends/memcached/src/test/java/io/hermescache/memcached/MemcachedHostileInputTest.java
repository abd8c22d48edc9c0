package io.hermescache.memcached;

import io.hermescache.spi.Backend;
import io.hermescache.spi.Settings;
import io.hermescache.test.HostileInputContractTest;
import io.hermescache.test.MemcachedServerExtension;
import io.hermescache.test.MemcachedServers;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** The hostile-input suite on a real memcached (run with -Xmx256m: see this module's pom). */
@ExtendWith(MemcachedServerExtension.class)
class MemcachedHostileInputTest extends HostileInputContractTest {

  private final String servers;

  MemcachedHostileInputTest(@MemcachedServers String servers) {
    this.servers = servers;
  }

  @Override
  protected Backend createBackend() {
    return new MemcachedBackendProvider().create(Settings.of(Map.of("hermes.memcached.servers", servers)));
  }

  /** 900 MB inflated is 0.87 MB planted: under memcached's default item size of 1 MB. */
  @Override
  protected long deflateBombSize() {
    return 900_000_000L;
  }
}
