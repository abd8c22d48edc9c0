package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The milliseconds Redis is given for a positive TTL: never 0 ("no expiry" to the scripts), never an overflow. */
class TtlMillisTest {

  @Test
  void underAMillisecondIsOne() {
    assertThat(RedisBackend.millis(Duration.ofNanos(1))).isEqualTo(1);
  }

  @Test
  void aPracticallyEternalTtlSaturates() {
    assertThat(RedisBackend.millis(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(RedisBackend.MAX_TTL_MILLIS);
  }

  @Test
  void anOrdinaryTtlIsExact() {
    assertThat(RedisBackend.millis(Duration.ofSeconds(90))).isEqualTo(90_000);
  }
}
