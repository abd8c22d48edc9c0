package io.hermescache.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** memcached expiries: whole seconds rounded up, absolute beyond 30 days, never an overflow into the past. */
class ExpiryTest {

  private static final long NOW = 1_800_000_000L;

  @Test
  void aSubSecondTtlRoundsUpToOneSecond() {
    assertThat(MemcachedBackend.expiry(Duration.ofNanos(1), NOW)).isEqualTo(1);
  }

  @Test
  void beyondThirtyDaysTheExpiryIsAUnixTime() {
    assertThat(MemcachedBackend.expiry(Duration.ofDays(31), NOW)).isEqualTo((int) (NOW + Duration.ofDays(31).toSeconds()));
  }

  @Test
  void aPracticallyEternalTtlSaturatesInsteadOfWrappingIntoThePast() {
    assertThat(MemcachedBackend.expiry(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), NOW))
        .isEqualTo(Integer.MAX_VALUE);
  }
}
