package io.hermescache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@code Hermes.Builder}: setters win over configuration whatever the order; a built instance is fixed. */
class BuilderTest {

  private final FakeClock clock = new FakeClock();
  private final MemoryBackend mine = new MemoryBackend(clock);
  private final Settings configuration = Settings.of(Map.of("hermes.backend", "none", "hermes.ttl", "10",
      "hermes.prefix", "configured", "hermes.lock.timeout", "PT1S"));

  private Hermes built(UnaryOperator<Hermes.Builder> order) {
    return order.apply(Hermes.builder()).build();
  }

  private void settersWon(Hermes hermes) {
    assertThat(hermes.backend()).as("the backend set, although the configuration says none").isSameAs(mine);
    assertThat(((HermesEngine) hermes).defaultTtl()).isEqualTo(Duration.ofMinutes(5));
    hermes.cached("k", String.class, () -> "v");
    assertThat(mine.holds("set:entry:k")).as("the prefix set").isTrue();
  }

  @Test
  void settersBeforeConfigureWin() {
    try (Hermes hermes = built(b -> b.backend(mine).ttl(Duration.ofMinutes(5)).prefix("set").configure(configuration))) {
      settersWon(hermes);
    }
  }

  @Test
  void settersAfterConfigureWin() {
    try (Hermes hermes = built(b -> b.configure(configuration).backend(mine).ttl(Duration.ofMinutes(5)).prefix("set"))) {
      settersWon(hermes);
    }
  }

  @Test
  void configurationFillsWhatNoSetterChose() {
    try (Hermes hermes = built(b -> b.backend(mine).configure(configuration))) {
      assertThat(((HermesEngine) hermes).defaultTtl()).isEqualTo(Duration.ofSeconds(10));
      hermes.cached("k", List.of(), Duration.ofMinutes(1), String.class, () -> "v");
      assertThat(mine.holds("configured:entry:k")).isTrue();
    }
  }

  @Test
  void aBuiltInstanceDoesNotChangeWithTheBuilder() {
    Hermes.Builder builder = Hermes.builder().backend(mine).ttl(Duration.ofMinutes(5));
    try (Hermes first = builder.build()) {
      builder.ttl(Duration.ofMinutes(9));
      assertThat(((HermesEngine) first).defaultTtl()).isEqualTo(Duration.ofMinutes(5));
    }
  }

  @Test
  void programmaticCallsAreCountedInOneGroup() {
    try (Hermes hermes = built(b -> b.backend(mine).clock(clock))) {
      hermes.cached("users:1", String.class, () -> "a");
      hermes.cached("orders:1", Integer.class, () -> 1);
      assertThat(hermes.stats().byName()).containsOnlyKeys(HermesEngine.PROGRAMMATIC);
      assertThat(hermes.stats().of(HermesEngine.PROGRAMMATIC).misses()).isEqualTo(2);
    }
  }
}
