package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Settings;
import io.hermescache.test.LocalRedis;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hermes on a Redis server that goes away: calls still answer, and the cache is used again once it is back. */
class OutageTest {

  private final LocalRedis server = LocalRedis.start();
  private final AtomicInteger loads = new AtomicInteger();

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void callsBypassAStoppedServerAndUseItAgainAfterItsRestart() throws InterruptedException {
    try (Hermes hermes = Hermes.builder().configure(Settings.of(Map.of("hermes.backend", "redis",
        "hermes.redis.uri", server.uri(), "hermes.redis.timeout", "PT0.5S"))).build()) {
      assertThat(call(hermes)).isEqualTo(1);
      assertThat(call(hermes)).as("cached").isEqualTo(1);

      server.stop();
      long start = System.nanoTime();
      for (int i = 2; i <= 6; i++) {
        assertThat(call(hermes)).as("computed without the cache").isEqualTo(i);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("without waiting for timeouts").isLessThan(Duration.ofSeconds(3));
      assertThat(hermes.stats().total().errors()).isPositive();

      server.restart();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      int before;
      int after;
      do {
        Thread.sleep(100);
        before = call(hermes);
        after = call(hermes);
      } while (before != after && System.nanoTime() < deadline);
      assertThat(after).as("two calls in a row share one value: the cache is back").isEqualTo(before);
    }
  }

  private int call(Hermes hermes) {
    return hermes.cached("answer", Integer.class, loads::incrementAndGet);
  }
}
