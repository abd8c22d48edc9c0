package io.hermescache.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Settings;
import io.hermescache.test.MemcachedServerExtension;
import io.hermescache.test.MemcachedServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The near cache on Memcached, which has no invalidation channel (issue 18): another instance's local copy
 * lives at most {@code hermes.near.max-staleness}; the invalidating instance never serves the old value.
 */
@ExtendWith(MemcachedServerExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NearCacheMemcachedTest {

  private static final Duration MAX_STALENESS = Duration.ofMillis(500);

  private final String servers;
  private final String prefix = "near-" + UUID.randomUUID().toString().substring(0, 8);

  NearCacheMemcachedTest(@MemcachedServers String servers) {
    this.servers = servers;
  }

  private Hermes jvm() {
    return Hermes.builder().configure(Settings.of(Map.of("hermes.backend", "memcached", "hermes.memcached.servers",
        servers, "hermes.prefix", prefix, "hermes.near.enabled", "true", "hermes.near.max-staleness",
        MAX_STALENESS.toString()))).build();
  }

  private static String read(Hermes hermes, String loaded) {
    return hermes.cached("k", List.of("t"), Duration.ofMinutes(5), String.class, () -> loaded);
  }

  @Test
  void aNearCopyLivesAtMostMaxStaleness() throws Exception {
    try (Hermes a = jvm(); Hermes b = jvm()) {
      String old = read(a, "old");
      long readBefore = System.nanoTime();
      assertThat(read(b, "b")).isEqualTo(old);
      assertThat(read(b, "b")).isEqualTo(old);
      a.clean("t");
      long returned = System.nanoTime();
      assertThat(read(a, "new-a")).as("the invalidating instance at once").isEqualTo("new-a");
      int oldServed = 0;
      String value;
      while (true) {
        long start = System.nanoTime();
        value = read(b, "new-b");
        if (!value.equals(old)) {
          break;
        }
        oldServed++;
        assertThat(start - returned).as("an old value later than max-staleness").isLessThanOrEqualTo(
            MAX_STALENESS.toNanos());
        Thread.sleep(1);
      }
      assertThat(value).isEqualTo("new-a");
      System.out.printf("Near cache on Memcached: old value served %d times, up to %d ms after the invalidation"
          + " returned (copy read at most %d ms before it; max-staleness %d ms)%n", oldServed,
          (System.nanoTime() - returned) / 1_000_000, (returned - readBefore) / 1_000_000, MAX_STALENESS.toMillis());
      assertThat(oldServed).as("the copy was served from memory meanwhile").isPositive();
    }
  }
}
