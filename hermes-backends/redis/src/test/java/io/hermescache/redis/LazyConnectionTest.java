package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.Hermes;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Settings;
import io.hermescache.test.LocalServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Creating a backend, or a Hermes on it, never connects: a server that is not there fails the first operation only. */
class LazyConnectionTest {

  private final String closedAddress = "127.0.0.1:" + LocalServer.freePort();

  @Test
  void aStandaloneBackendConnectsOnItsFirstOperation() {
    Backend backend = create(Map.of("hermes.redis.uri", "redis://" + closedAddress + "/0"));

    assertThatThrownBy(() -> backend.getAll(List.of("cache:entry:k")))
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining(closedAddress.substring(closedAddress.indexOf(':') + 1));
    backend.close();
  }

  @Test
  void aClusterBackendConnectsOnItsFirstOperation() {
    Backend backend = create(Map.of("hermes.redis.cluster", closedAddress));

    assertThatThrownBy(() -> backend.getAll(List.of("cache:entry:k"))).isInstanceOf(RuntimeException.class);
    backend.close();
  }

  @Test
  void hermesOnAnAbsentServerStillAnswers() {
    AtomicInteger loads = new AtomicInteger();
    try (Hermes hermes = Hermes.builder().backend(create(Map.of("hermes.redis.uri", "redis://" + closedAddress)))
        .build()) {
      assertThat(hermes.<String>cached("k", List.of(), Duration.ofMinutes(1), String.class,
          () -> "v" + loads.incrementAndGet())).isEqualTo("v1");
      assertThat(hermes.stats().total().errors()).isEqualTo(1);
    }
  }

  private static Backend create(Map<String, String> settings) {
    Map<String, String> quick = new java.util.HashMap<>(settings);
    quick.put("hermes.redis.timeout", "PT0.5S");
    return new RedisBackendProvider().create(Settings.of(quick));
  }
}
