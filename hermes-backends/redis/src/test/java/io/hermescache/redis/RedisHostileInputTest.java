package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Settings;
import io.hermescache.test.HostileInputContractTest;
import io.hermescache.test.RedisServerExtension;
import io.hermescache.test.RedisUri;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.util.JedisClusterCRC16;

/** The hostile-input suite on a real Redis (run with -Xmx256m: see this module's pom), and what Redis adds. */
@ExtendWith(RedisServerExtension.class)
class RedisHostileInputTest extends HostileInputContractTest {

  private final String uri;

  RedisHostileInputTest(@RedisUri String uri) {
    this.uri = uri;
  }

  @Override
  protected Backend createBackend() {
    return new RedisBackendProvider().create(Settings.of(Map.of("hermes.redis.uri", uri)));
  }

  /**
   * With a hash tag, {@code {victim}:1} … {@code {victim}:40} would all live on the slot of {@code victim}, so
   * an argument could pile keys onto one node; stored without braces, their slots are those of the whole keys.
   */
  @Test
  void argumentsDoNotChooseTheClusterSlot() {
    Set<Integer> slots = new HashSet<>();
    try (Hermes hermes = hermes().build()) {
      for (int i = 0; i < 40; i++) {
        String argument = "{victim}:" + i;
        assertThat((Object) hermes.cached(argument, String.class, () -> "v")).isEqualTo("v");
        String stored = entryKey(argument);
        assertThat(backend.getAll(List.of(stored)).get(0)).isNotNull();
        assertThat(stored).doesNotContain("{", "}");
        slots.add(JedisClusterCRC16.getSlot(stored));
      }
    }
    assertThat(slots).hasSizeGreaterThan(20).doesNotContain(JedisClusterCRC16.getSlot("victim"));
  }

  /** A 5 MB argument is a key of at most 512 bytes, not a 5 MB key. */
  @Test
  void aHugeArgumentIsABoundedKey() {
    String argument = "x".repeat(5 << 20);
    try (Hermes hermes = hermes().build()) {
      assertThat((Object) hermes.cached(argument, String.class, () -> "v")).isEqualTo("v");
      assertThat((Object) hermes.cached(argument, String.class, () -> "recomputed")).isEqualTo("v");
      String stored = entryKey(argument);
      assertThat(stored.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(512);
      assertThat(backend.getAll(List.of(stored)).get(0)).isNotNull();
    }
  }
}
