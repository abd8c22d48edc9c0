package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Payload;
import io.hermescache.spi.Settings;
import io.hermescache.test.BackendContractTest;
import io.hermescache.test.RedisClusterNodes;
import io.hermescache.test.RedisServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The backend contract on a Redis Cluster of three local masters, where one call's keys live on different
 * nodes. One guarantee is weaker, by design: in a cluster an entry whose computation an
 * {@code invalidate(key)} interrupted may be readable for a moment after the invalidation returned (see
 * {@link RedisBackend}), so the randomized check leaves single-entry invalidation out.
 */
@ExtendWith(RedisServerExtension.class)
class RedisClusterTest extends BackendContractTest {

  private final String nodes;

  RedisClusterTest(@RedisClusterNodes String nodes) {
    this.nodes = nodes;
  }

  /** A backend on the cluster of {@code nodes}, configured as users configure one. */
  static Backend backend(String nodes) {
    return new RedisBackendProvider().create(Settings.of(Map.of("hermes.redis.cluster", nodes)));
  }

  @Override
  protected Backend createBackend() {
    return backend(nodes);
  }

  @Test
  void aReadSpansSlotsOfEveryNode() {
    List<String> keys = new ArrayList<>();
    Set<Integer> slotThirds = new HashSet<>();
    for (int i = 0; slotThirds.size() < 3 || keys.size() < 12; i++) {
      String key = prefix + ":entry:" + i;
      keys.add(key);
      slotThirds.add(JedisClusterCRC16.getSlot(key) * 3 / 16_384);
      backend.set(key, Payload.of("v" + i), Duration.ofMinutes(1));
    }
    keys.add(1, prefix + ":absent");

    List<Payload> values = backend.getAll(keys);

    assertThat(values).hasSize(keys.size());
    assertThat(values.get(1)).isNull();
    for (int i = 0; i < keys.size(); i++) {
      if (i != 1) {
        String key = keys.get(i);
        assertThat(values.get(i)).isEqualTo(Payload.of("v" + key.substring(key.lastIndexOf(':') + 1)));
      }
    }
  }

  @Test
  void entryTagsAndLockOfOneCallLiveOnDifferentSlots() {
    List<String> keys = List.of(prefix + ":entry:k", prefix + ":tag:t", prefix + ":lock:k", prefix + ":namespace");
    assertThat(keys.stream().map(JedisClusterCRC16::getSlot).distinct()).as("the test covers cross-slot calls")
        .hasSizeGreaterThan(1);
    try (Hermes hermes = hermes().build()) {
      AtomicInteger runs = new AtomicInteger();
      for (int i = 0; i < 3; i++) {
        assertThat(hermes.cached("k", List.of("t"), Duration.ofMinutes(1), Integer.class, runs::incrementAndGet)).isEqualTo(1);
      }
      assertThat(hermes.stats().total().errors()).isZero();
    }
  }
}
