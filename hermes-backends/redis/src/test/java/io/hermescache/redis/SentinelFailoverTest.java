package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Payload;
import io.hermescache.spi.Settings;
import io.hermescache.test.LocalRedisSentinel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hermes through Redis Sentinel (a master, a replica, three sentinels, all real processes): it caches on
 * the master the sentinels name; when that master is killed, calls bypass the cache (every one answers)
 * until the sentinels have promoted the replica, then Hermes caches on the new master without a restart.
 * Prints a {@code FIGURE} line: how long calls bypassed, the slowest call, and whether a value and a lock
 * written on the old master were there on the new one.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SentinelFailoverTest {

  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final Duration LEASE = Duration.ofSeconds(60);

  private final LocalRedisSentinel sentinel = LocalRedisSentinel.start();
  private final AtomicInteger loads = new AtomicInteger();

  @AfterEach
  void stop() {
    sentinel.close();
  }

  @Test
  void followsTheNewMasterAfterTheMasterIsKilled() throws Exception {
    try (Hermes hermes = Hermes.builder().configure(Settings.of(Map.of("hermes.backend", "redis",
        "hermes.redis.uri", "redis://127.0.0.1/0", "hermes.redis.timeout", TIMEOUT.toString(),
        "hermes.redis.sentinel.master", LocalRedisSentinel.MASTER_NAME,
        "hermes.redis.sentinel.nodes", sentinel.sentinels()))).build()) {
      assertThat(call(hermes)).isEqualTo(1);
      assertThat(call(hermes)).as("cached on the master").isEqualTo(1);
      Backend backend = hermes.backend();
      String lockKey = "sentinel-test:lock:" + System.nanoTime();
      assertThat(backend.add(lockKey, Payload.of("holder"), LEASE)).as("lock taken on the old master").isTrue();

      int oldMaster = sentinel.killMaster();
      long killed = System.nanoTime();
      int bypassed = 0;
      Duration slowest = Duration.ZERO;
      int failedOverTo = -1;
      long failoverSeen = 0;
      // Until two calls in a row share a value, the cache is not in use: each call must still answer.
      int previous = call(hermes);
      while (true) {
        long start = System.nanoTime();
        int value = call(hermes);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        slowest = took.compareTo(slowest) > 0 ? took : slowest;
        if (value == previous) {
          break;
        }
        bypassed++;
        previous = value;
        assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("Hermes uses the new master").isLessThan(Duration.ofSeconds(60));
        if (failedOverTo < 0) {
          failedOverTo = failoverIfDone(oldMaster);
          failoverSeen = failedOverTo < 0 ? 0 : System.nanoTime();
        }
      }
      long recovered = System.nanoTime();
      // the entry cached before the kill, if it reached the replica, is what the new master serves
      boolean entrySurvived = previous == 1;
      if (failedOverTo < 0) {
        failedOverTo = sentinel.awaitFailover(oldMaster, Duration.ofSeconds(30));
        failoverSeen = System.nanoTime();
      }
      assertThat(failedOverTo).as("a replica was promoted").isNotEqualTo(oldMaster);
      assertThat(slowest).as("no call waits much beyond twice the timeout").isLessThan(TIMEOUT.multipliedBy(2).plusMillis(500));

      List<Payload> lock = backend.getAll(List.of(lockKey));
      boolean lockSurvived = lock.get(0) != null && lock.get(0).text().equals("holder");
      boolean lockTakenAgain = backend.add(lockKey, Payload.of("another"), LEASE);
      assertThat(lockTakenAgain).as("the lock replicated to the new master keeps others out").isEqualTo(!lockSurvived);

      System.out.printf("FIGURE | Sentinel failover, down-after %d ms, timeout %d ms | sentinels promoted the"
          + " replica %d ms after the kill | cache used again %d ms after the kill | %d calls bypassed, slowest"
          + " %d ms | entry cached on the old master served by the new one: %s | lock from the old master on the"
          + " new one: %s%n", LocalRedisSentinel.DOWN_AFTER.toMillis(),
          TIMEOUT.toMillis(), Duration.ofNanos(failoverSeen - killed).toMillis(),
          Duration.ofNanos(recovered - killed).toMillis(), bypassed, slowest.toMillis(), entrySurvived ? "yes" : "no",
          lockSurvived ? "held (replicated), expires with its lease" : "lost");
      backend.delete(lockKey);
      int loadsBefore = loads.get();
      assertThat(call(hermes)).as("cached on the new master").isEqualTo(previous);
      assertThat(call(hermes)).as("cached on the new master").isEqualTo(previous);
      assertThat(loads.get()).as("nothing computed").isEqualTo(loadsBefore);
    }
  }

  /** The new master's port if the sentinels already agree on one, else -1 (without waiting). */
  private int failoverIfDone(int oldMaster) {
    try {
      return sentinel.awaitFailover(oldMaster, Duration.ZERO);
    } catch (IllegalStateException notYet) {
      return -1;
    }
  }

  private int call(Hermes hermes) {
    return hermes.cached("sentinel-answer", Integer.class, loads::incrementAndGet);
  }
}
