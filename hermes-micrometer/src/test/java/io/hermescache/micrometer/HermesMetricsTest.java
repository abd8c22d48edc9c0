package io.hermescache.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HermesMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicInteger runs = new AtomicInteger();

  @Test
  void countersPerNameAndInTotalReadTheLiveStatistics() {
    try (Hermes hermes = Hermes.builder().build()) {
      call(hermes, "users:1");
      call(hermes, "users:1");
      new HermesMetrics(hermes, Tags.of("app", "shop")).bindTo(registry);
      call(hermes, "users:2");
      try {
        hermes.cached("orders:1", Integer.class, () -> {
          Thread.sleep(20);
          throw new IllegalStateException("database down");
        });
      } catch (IllegalStateException expected) {
        // counted as a load failure
      }

      assertThat(count("hermes.all.hits", null)).isEqualTo(1);
      assertThat(count("hermes.all.misses", null)).isEqualTo(3);
      assertThat(count("hermes.all.loads", null)).isEqualTo(2);
      assertThat(count("hermes.all.load.failures", null)).isEqualTo(1);
      assertThat(count("hermes.all.load.time", null)).as("seconds").isBetween(0.02, 5.0);
      assertThat(count("hermes.all.lock.waits", null)).isZero();
      assertThat(count("hermes.all.errors", null)).isZero();

      assertThat(count("hermes.hits", "users")).isEqualTo(1);
      assertThat(count("hermes.loads", "users")).as("read live, after binding").isEqualTo(2);
      assertThat(count("hermes.load.failures", "orders")).as("a name first seen after binding").isEqualTo(1);
      assertThat(registry.get("hermes.hits").tag("name", "users").functionCounter().getId().getTag("app")).isEqualTo("shop");
    }
  }

  private void call(Hermes hermes, String key) {
    hermes.cached(key, Integer.class, runs::incrementAndGet);
  }

  /** The counter's value; {@code name} null for a total. */
  private double count(String meter, String name) {
    FunctionCounter counter = name == null ? registry.get(meter).functionCounter()
        : registry.get(meter).tag("name", name).functionCounter();
    return counter.count();
  }
}
