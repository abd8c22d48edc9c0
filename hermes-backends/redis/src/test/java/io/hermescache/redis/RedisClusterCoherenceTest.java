package io.hermescache.redis;

import io.hermescache.spi.Backend;
import io.hermescache.spi.Settings;
import io.hermescache.test.CoherenceContractTest;
import io.hermescache.test.LocalRedisCluster;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The coherence contract (issue 14) on a Redis Cluster of three local masters, where an entry, its tags
 * and its lock live on different nodes: the guarantee is the same as on one server.
 */
class RedisClusterCoherenceTest extends CoherenceContractTest {

  private static LocalRedisCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = LocalRedisCluster.start(3);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Override
  protected Backend createBackend() {
    return new RedisBackendProvider().create(Settings.of(Map.of("hermes.redis.cluster", cluster.nodes())));
  }
}
