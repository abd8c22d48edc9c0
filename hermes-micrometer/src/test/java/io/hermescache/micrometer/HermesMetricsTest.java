package io.hermescache.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HermesMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicInteger runs = new AtomicInteger();

  @Test
  void micrometerCacheMetersPerCacheReadTheLiveStatistics() {
    try (Hermes hermes = Hermes.builder().build()) {
      new HermesMetrics(hermes, Tags.of("app", "shop")).bindTo(registry);
      assertThat(registry.get("hermes.caches").gauge().value()).isZero();
      call(hermes, "users:1");
      call(hermes, "users:1");
      call(hermes, "users:2");
      try {
        hermes.cached("orders:1", Integer.class, () -> {
          throw new IllegalStateException("database down");
        });
      } catch (IllegalStateException expected) {
        // counted as a load failure
      }
      // programmatic calls share one group, never one per key (keys are unbounded and may hold user data)
      assertThat(registry.get("hermes.caches").gauge().value()).as("read by every scrape").isEqualTo(1);

      assertThat(count("cache.gets", "programmatic", "hit")).as("a cache first seen after binding").isEqualTo(1);
      assertThat(count("cache.gets", "programmatic", "miss")).isEqualTo(3);
      assertThat(count("cache.load", "programmatic", "success")).isEqualTo(2);
      assertThat(registry.get("cache.puts").tag("cache", "programmatic").functionCounter().count())
          .as("the two values computed; not the failure").isEqualTo(2);
      assertThat(count("cache.load", "programmatic", "failure")).isEqualTo(1);
      assertThat(registry.get("hermes.lock.waits").tag("cache", "programmatic").functionCounter().count()).isZero();
      assertThat(registry.get("hermes.errors").tag("cache", "programmatic").functionCounter().count()).isZero();
      assertThat(registry.get("hermes.refreshes").tag("cache", "programmatic").functionCounter().count()).isZero();
      FunctionTimer loads = registry.get("cache.load.duration").tag("cache", "programmatic").functionTimer();
      assertThat(loads.count()).isEqualTo(3);
      assertThat(loads.totalTime(TimeUnit.NANOSECONDS)).isPositive();
      assertThat(registry.get("cache.gets").tags("cache", "programmatic", "result", "hit").functionCounter().getId()
          .getTag("app")).isEqualTo("shop");
      assertThat(registry.get("cache.gets").tag("result", "miss").functionCounter().getId().getDescription())
          .as("one description per name").isEqualTo(registry.get("cache.gets").tag("result", "hit").functionCounter()
              .getId().getDescription());
      assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags().toString())
          .doesNotContain("users").doesNotContain("orders"));
    }
  }

  private void call(Hermes hermes, String key) {
    hermes.cached(key, Integer.class, runs::incrementAndGet);
  }

  private double count(String meter, String cache, String result) {
    return registry.get(meter).tags("cache", cache, "result", result).functionCounter().count();
  }
}
