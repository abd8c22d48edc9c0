package io.hermescache.redis;

import io.hermescache.spi.Backend;
import io.hermescache.test.CoherenceContractTest;
import io.hermescache.test.RedisClusterNodes;
import io.hermescache.test.RedisServerExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The coherence contract (issue 14) on a Redis Cluster of three local masters, where an entry, its tags
 * and its lock live on different nodes: the guarantee is the same as on one server.
 */
@ExtendWith(RedisServerExtension.class)
class RedisClusterCoherenceTest extends CoherenceContractTest {

  private final String nodes;

  RedisClusterCoherenceTest(@RedisClusterNodes String nodes) {
    this.nodes = nodes;
  }

  @Override
  protected Backend createBackend() {
    return RedisClusterTest.backend(nodes);
  }
}
