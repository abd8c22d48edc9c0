package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Settings;
import io.hermescache.test.RedisServerExtension;
import io.hermescache.test.RedisUri;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/**
 * The near cache on a real Redis (issue 18): two {@link Hermes} instances, each with its own near cache and
 * subscription to {@code {prefix}:events}, standing for two JVMs. Prints the distribution of the time an
 * invalidation on one takes to be seen by the other, and shows the bound of {@code max-staleness} holding
 * while the channel is cut ({@code CLIENT KILL TYPE pubsub}) and the channel coming back.
 */
@ExtendWith(RedisServerExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NearCacheRedisTest {

  private static final List<String> TAGS = List.of("t");
  private static final Duration TTL = Duration.ofMinutes(5);

  private final String uri;
  private final String prefix = "near-" + UUID.randomUUID().toString().substring(0, 8);
  private final RedisClient admin;

  NearCacheRedisTest(@RedisUri String uri) {
    this.uri = uri;
    this.admin = RedisClient.create(URI.create(uri));
  }

  @AfterEach
  void close() {
    admin.close();
  }

  private Hermes jvm(Duration maxStaleness) {
    return Hermes.builder().configure(Settings.of(Map.of("hermes.backend", "redis", "hermes.redis.uri", uri,
        "hermes.prefix", prefix, "hermes.near.enabled", "true", "hermes.near.max-staleness",
        maxStaleness.toString()))).build();
  }

  private static String read(Hermes hermes, String loaded) {
    return hermes.cached("k", TAGS, TTL, String.class, () -> loaded);
  }

  private long subscribers() {
    Object reply = admin.sendCommand(Protocol.Command.PUBSUB, "NUMSUB", prefix + ":events");
    return (Long) ((List<?>) reply).get(1);
  }

  private void awaitSubscribers(long count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (subscribers() != count) {
      assertThat(System.nanoTime()).as("subscribers back").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private long mgets() {
    return admin.info("commandstats").lines().filter(line -> line.startsWith("cmdstat_mget:")).findFirst()
        .map(line -> Long.parseLong(line.replaceAll(".*calls=(\\d+).*", "$1"))).orElse(0L);
  }

  /** Both hold the current value: {@code b} read it from Redis, then from its copies. */
  private static String shareValue(Hermes a, Hermes b, String loaded) {
    String current = read(a, loaded);
    assertThat(read(b, "b-" + loaded)).isEqualTo(current);
    assertThat(read(b, "b-" + loaded)).isEqualTo(current);
    return current;
  }

  @Test
  void aHitWithTheNearCacheOnMakesNoRoundTrip() throws Exception {
    try (Hermes a = jvm(Duration.ofSeconds(1))) {
      read(a, "v");
      read(a, "v");
      long before = mgets();
      for (int i = 0; i < 100; i++) {
        assertThat(read(a, "other")).isEqualTo("v");
      }
      assertThat(mgets() - before).as("MGETs for 100 hits").isZero();
    }
  }

  @Test
  void anInvalidationOnOneJvmIsSeenByTheOtherAtOnceAndPrintsTheDistribution() throws Exception {
    try (Hermes a = jvm(Duration.ofSeconds(1)); Hermes b = jvm(Duration.ofSeconds(1))) {
      shareValue(a, b, "warm");
      awaitSubscribers(2);
      int rounds = 200;
      long[] micros = new long[rounds];
      long[] fromCall = new long[rounds];
      for (int i = 0; i < rounds; i++) {
        String old = shareValue(a, b, "a" + i);
        long called = System.nanoTime();
        a.clean("t");
        long returned = System.nanoTime();
        long seen;
        while (true) {
          long start = System.nanoTime();
          if (!read(b, "b" + i).equals(old)) {
            seen = start;
            break;
          }
        }
        micros[i] = Math.max(0, (seen - returned) / 1000);
        fromCall[i] = (seen - called) / 1000;
      }
      Arrays.sort(micros);
      Arrays.sort(fromCall);
      System.out.printf("Near cache on Redis: invalidation seen by the other instance after, over %d: p50 %d µs,"
          + " p90 %d µs, p99 %d µs, max %d µs%n", rounds, micros[rounds / 2], micros[rounds * 9 / 10],
          micros[rounds * 99 / 100], micros[rounds - 1]);
      System.out.printf("Near cache on Redis: from the start of clean() to seen by the other, over %d: p50 %d µs,"
          + " p90 %d µs, p99 %d µs, max %d µs%n", rounds, fromCall[rounds / 2], fromCall[rounds * 9 / 10],
          fromCall[rounds * 99 / 100], fromCall[rounds - 1]);
      assertThat(micros[rounds - 1]).as("never later than max-staleness").isLessThanOrEqualTo(1_000_000);
    }
  }

  @Test
  void withTheChannelCutAnInvalidationIsNeverServedLaterThanMaxStalenessThenTheChannelRecovers() throws Exception {
    Duration maxStaleness = Duration.ofSeconds(2);
    try (Hermes a = jvm(maxStaleness); Hermes b = jvm(maxStaleness)) {
      shareValue(a, b, "warm");
      awaitSubscribers(2);
      String old = shareValue(a, b, "before-cut");
      admin.sendCommand(Protocol.Command.CLIENT, "KILL", "TYPE", "pubsub");
      a.clean("t");
      long returned = System.nanoTime();
      long bound = returned + maxStaleness.toNanos();
      List<long[]> oldReads = new ArrayList<>();
      long firstNew = -1;
      while (System.nanoTime() - returned < maxStaleness.toNanos() * 2) {
        long start = System.nanoTime();
        String value = read(b, "after-cut");
        if (value.equals(old)) {
          oldReads.add(new long[] {start});
          assertThat(start).as("an old value served later than max-staleness after the invalidation returned")
              .isLessThanOrEqualTo(bound);
        } else if (firstNew < 0) {
          firstNew = start;
        }
        Thread.sleep(1);
      }
      assertThat(firstNew).as("the new value is served").isPositive();
      System.out.printf("Near cache on Redis, channel cut: old value served %d times, the last %d ms after the"
          + " invalidation returned (max-staleness %d ms); new value from %d ms%n", oldReads.size(),
          oldReads.isEmpty() ? 0 : (oldReads.get(oldReads.size() - 1)[0] - returned) / 1_000_000,
          maxStaleness.toMillis(), (firstNew - returned) / 1_000_000);

      awaitSubscribers(2);
      String again = shareValue(a, b, "recovered");
      Thread.sleep(maxStaleness.toMillis() / 2); // the copies are trusted by the channel now, not by their age
      a.clean("t");
      long cleaned = System.nanoTime();
      while (read(b, "recovered-b").equals(again)) {
        Thread.onSpinWait();
      }
      long seenMillis = (System.nanoTime() - cleaned) / 1_000_000;
      assertThat(seenMillis).as("the channel carries invalidations again, well before max-staleness")
          .isLessThan(maxStaleness.toMillis() / 2);
    }
  }
}
