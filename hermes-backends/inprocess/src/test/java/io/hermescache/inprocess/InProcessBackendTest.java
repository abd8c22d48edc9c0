package io.hermescache.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Backend;
import io.hermescache.test.BackendContractTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InProcessBackendTest extends BackendContractTest {

  @Override
  protected Backend createBackend() {
    return new InProcessBackend(10_000);
  }

  public record Basket(List<String> items) {}

  @Test
  void hitsShareOneDecodedInstanceUnlessCopyOnRead() {
    try (Hermes hermes = hermes().build()) {
      Basket first = hermes.cached("basket", Basket.class, () -> new Basket(List.of("apple")));
      Basket second = hermes.cached("basket", Basket.class, () -> null);
      Basket third = hermes.cached("basket", Basket.class, () -> null);
      assertThat(second).isEqualTo(first).isSameAs(third);
    }
    try (Hermes copying = Hermes.builder().backend(new InProcessBackend(100, true)).build()) {
      copying.cached("basket", Basket.class, () -> new Basket(List.of("apple")));
      Basket second = copying.cached("basket", Basket.class, () -> null);
      Basket third = copying.cached("basket", Basket.class, () -> null);
      assertThat(second).isEqualTo(third).isNotSameAs(third);
    }
  }

  @Test
  void boundedToMaxEntries() {
    InProcessBackend small = new InProcessBackend(100);
    for (int i = 0; i < 1000; i++) {
      small.set("k" + i, io.hermescache.spi.Payload.of("v"), Duration.ofMinutes(1));
    }
    assertThat(small.size()).isLessThanOrEqualTo(100);
  }

  @Test
  void providerReadsItsSettings() {
    Backend configured = new InProcessBackendProvider().create(io.hermescache.spi.Settings.of(
        Map.of("hermes.inprocess.max-entries", "5")));
    assertThat(configured).isInstanceOf(InProcessBackend.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new InProcessBackendProvider().create(
        io.hermescache.spi.Settings.of(Map.of("hermes.inprocess.max-entries", "-3"))))
        .hasMessage("hermes.inprocess.max-entries = -3: must be positive");
  }
}
