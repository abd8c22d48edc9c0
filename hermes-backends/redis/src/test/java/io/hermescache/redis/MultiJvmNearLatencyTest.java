package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Settings;
import io.hermescache.test.RedisServerExtension;
import io.hermescache.test.RedisUri;
import io.hermescache.test.WorkerJvms;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/**
 * Issue 18's latency figure: an invalidation in this JVM seen by the near cache of another JVM
 * ({@link NearLatencyWorker}), 200 times on loopback; prints p50, p90, p99 and max. The test asserts only
 * the promise (never later than {@code max-staleness}); the p99 target of 10 ms is reported.
 */
@ExtendWith(RedisServerExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MultiJvmNearLatencyTest {

  private static final int ROUNDS = 200;

  private final String uri;

  MultiJvmNearLatencyTest(@RedisUri String uri) {
    this.uri = uri;
  }

  @Test
  void anInvalidationIsSeenByTheNearCacheOfAnotherJvm() throws Exception {
    String prefix = "near-latency-" + UUID.randomUUID().toString().substring(0, 8);
    String coordination = prefix + "-test:";
    try (RedisClient redis = RedisClient.create(URI.create(uri));
        Hermes hermes = Hermes.builder().configure(Settings.of(Map.of("hermes.backend", "redis", "hermes.redis.uri",
            uri, "hermes.prefix", prefix, "hermes.near.enabled", "true"))).build();
        WorkerJvms worker = WorkerJvms.start(1, NearLatencyWorker.class, uri, prefix, Integer.toString(ROUNDS))) {
      await(() -> "yes".equals(redis.get(coordination + "ready")), worker);
      for (int i = 0; i < ROUNDS; i++) {
        String round = Integer.toString(i);
        hermes.cached("k", List.of("t"), Duration.ofMinutes(5), String.class, () -> "test-" + round);
        redis.set(coordination + "round", round);
        await(() -> round.equals(redis.get(coordination + "holding")), worker);
        hermes.clean("t");
        long returned = System.nanoTime();
        redis.set(coordination + "cleaned:" + i, Long.toString(returned));
        await(() -> round.equals(redis.get(coordination + "done")), worker);
      }
      long[] micros = worker.results(0).stream().mapToLong(Long::parseLong).sorted().toArray();
      assertThat(micros).hasSize(ROUNDS);
      System.out.printf("Near cache, two JVMs on Redis: invalidation seen by the other JVM after, over %d:"
          + " p50 %d µs, p90 %d µs, p99 %d µs, max %d µs (issue 18 target: p99 <= 10 ms)%n", ROUNDS,
          micros[ROUNDS / 2], micros[ROUNDS * 9 / 10], micros[ROUNDS * 99 / 100], micros[ROUNDS - 1]);
      assertThat(micros[ROUNDS - 1]).as("never later than max-staleness (1 s)").isLessThanOrEqualTo(1_000_000);
      redis.del(coordination + "ready", coordination + "round", coordination + "holding", coordination + "done");
      for (int i = 0; i < ROUNDS; i++) {
        redis.del(coordination + "cleaned:" + i);
      }
    }
  }

  private static void await(java.util.function.BooleanSupplier condition, WorkerJvms worker) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      worker.assertAlive();
      assertThat(System.nanoTime()).as("the worker answers").isLessThan(deadline);
      Thread.sleep(1);
    }
  }
}
