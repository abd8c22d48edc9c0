package io.hermescache.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.internal.HermesEngine;
import io.hermescache.internal.KeySpace;
import io.hermescache.spi.Clock;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HermesMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicInteger runs = new AtomicInteger();

  @Test
  void countersPerNameAndInTotalReadTheLiveStatistics() throws Exception {
    MovableClock clock = new MovableClock();
    try (Hermes hermes = Hermes.builder().clock(clock).build()) {
      HermesEngine engine = (HermesEngine) hermes;
      KeySpace users = engine.keySpace("users", Integer.class);
      call(engine, users, "users:1");
      call(engine, users, "users:1");
      new HermesMetrics(hermes, Tags.of("app", "shop")).bindTo(registry);
      call(engine, users, "users:2");
      try {
        engine.get(engine.keySpace("orders", Integer.class), "orders:1", List.of(), value -> Duration.ofMinutes(1),
            () -> {
              clock.advance(Duration.ofMillis(20));
              throw new IllegalStateException("database down");
            });
      } catch (IllegalStateException expected) {
        // counted as a load failure
      }

      assertThat(count("hermes.all.hits", null)).isEqualTo(1);
      assertThat(count("hermes.all.misses", null)).isEqualTo(3);
      assertThat(count("hermes.all.loads", null)).isEqualTo(2);
      assertThat(count("hermes.all.load.failures", null)).isEqualTo(1);
      assertThat(count("hermes.all.load.time", null)).as("seconds, on the engine's clock").isEqualTo(0.02);
      assertThat(count("hermes.all.lock.waits", null)).isZero();
      assertThat(count("hermes.all.errors", null)).isZero();
      assertThat(count("hermes.all.refreshes", null)).isZero();

      assertThat(count("hermes.hits", "users")).isEqualTo(1);
      assertThat(count("hermes.loads", "users")).as("read live, after binding").isEqualTo(2);
      assertThat(count("hermes.load.failures", "orders")).as("a name first seen after binding").isEqualTo(1);
      assertThat(registry.get("hermes.hits").tag("name", "users").functionCounter().getId().getTag("app")).isEqualTo("shop");
    }
  }

  @Test
  void programmaticCallsAreOneGroupNeverOnePerKey() {
    try (Hermes hermes = Hermes.builder().build()) {
      hermes.cached("users:1", Integer.class, runs::incrementAndGet);
      hermes.cached("orders:1", Integer.class, runs::incrementAndGet);
      new HermesMetrics(hermes, Tags.empty()).bindTo(registry);
      assertThat(count("hermes.misses", "programmatic")).isEqualTo(2);
      assertThat(registry.find("hermes.misses").tag("name", "users").functionCounter()).isNull();
    }
  }

  private void call(HermesEngine engine, KeySpace space, String key) throws Exception {
    engine.get(space, key, List.of(), value -> Duration.ofMinutes(1), runs::incrementAndGet);
  }

  /** The engine's time, moved by the test. */
  private static final class MovableClock implements Clock {
    private final AtomicLong offsetNanos = new AtomicLong();

    void advance(Duration step) {
      offsetNanos.addAndGet(step.toNanos());
    }

    @Override
    public long currentTimeMillis() {
      return Clock.system().currentTimeMillis() + offsetNanos.get() / 1_000_000;
    }

    @Override
    public long nanoTime() {
      return offsetNanos.get(); // time stands still unless the test moves it
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
      return Clock.system().schedule(task, delay);
    }
  }

  /** The counter's value; {@code name} null for a total. */
  private double count(String meter, String name) {
    FunctionCounter counter = name == null ? registry.get(meter).functionCounter()
        : registry.get(meter).tag("name", name).functionCounter();
    return counter.count();
  }
}
