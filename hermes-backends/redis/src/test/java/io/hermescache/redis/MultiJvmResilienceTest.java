package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.test.RedisServerExtension;
import io.hermescache.test.RedisUri;
import io.hermescache.test.WorkerJvms;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Resilience across processes (issue 17): {@value #JVMS} JVMs of {@value ResilienceWorker#THREADS} threads call
 * one key through one Redis, with the method failing (fail-safe) or the key refreshed ahead.
 */
@ExtendWith(RedisServerExtension.class)
class MultiJvmResilienceTest {

  private static final int JVMS = 3;

  private final String uri;
  private final String prefix = "resilience-" + UUID.randomUUID().toString().substring(0, 8);
  private final RedisCounters shared;
  private WorkerJvms workers;

  MultiJvmResilienceTest(@RedisUri String uri) {
    this.uri = uri;
    this.shared = new RedisCounters(uri, prefix);
  }

  @AfterEach
  void stopWorkers() throws IOException {
    if (workers != null) {
      workers.close();
    }
    shared.delete(WorkerJvms.READY, WorkerJvms.GO, ResilienceWorker.LOADS);
    shared.close();
  }

  /** Per worker: calls, failed calls, misses, refreshes, stale answers, slowest call in ms. */
  private List<long[]> run(String mode, long millis, boolean expireFirst) throws Exception {
    workers = WorkerJvms.start(JVMS, ResilienceWorker.class, uri, prefix, mode, String.valueOf(millis));
    workers.awaitReady(shared, Duration.ofSeconds(30));
    try (Hermes hermes = ResilienceWorker.hermes(uri, prefix)) {
      hermes.cached(ResilienceWorker.KEY, ResilienceWorker.options(mode), () -> "v0");
    }
    if (expireFirst) {
      Thread.sleep(1100); // the value expires: only time does that
    }
    workers.signalStart(shared);
    List<long[]> results = new ArrayList<>();
    for (int i = 0; i < JVMS; i++) {
      List<String> lines = workers.results(i);
      assertThat(lines).hasSize(1);
      results.add(java.util.Arrays.stream(lines.get(0).split(" ")).mapToLong(Long::parseLong).toArray());
    }
    return results;
  }

  private static long sum(List<long[]> results, int column) {
    return results.stream().mapToLong(r -> r[column]).sum();
  }

  @Test
  void withTheDatabaseDownThreeJvmsServeTheStaleValueAndCallTheMethodOncePerThrottlePeriod() throws Exception {
    List<long[]> results = run("down", 3500, true);
    long loads = Long.parseLong(shared.get(ResilienceWorker.LOADS));
    System.out.printf("[resilience] %d JVMs, database down 3.5 s, throttle 1 s: %d calls, %d not answered with the"
        + " stale value, method called %d times, slowest call %d ms%n", JVMS, sum(results, 0), sum(results, 1), loads,
        results.stream().mapToLong(r -> r[5]).max().orElse(0));
    assertThat(sum(results, 1)).as("calls not answered with the stale value").isZero();
    // at most once per throttle period across the JVMs (4 in 3.5 s, 5 at a boundary); at least a retry after
    // the first, even when a loaded machine starts the workers' calls late in the window
    assertThat(loads).as("once per throttle period, across the JVMs").isBetween(2L, 5L);
    assertThat(sum(results, 4)).isEqualTo(loads);
  }

  @Test
  void aHotKeyRefreshedAheadAcrossThreeJvmsNeverMisses() throws Exception {
    List<long[]> results = run("ahead", 5000, false);
    long loads = Long.parseLong(shared.get(ResilienceWorker.LOADS));
    System.out.printf("[resilience] %d JVMs, hot key, TTL 2 s, refresh ahead 0.5, 5 s: %d calls, %d misses,"
        + " %d refreshes, %d computations, slowest call %d ms%n", JVMS, sum(results, 0), sum(results, 2),
        sum(results, 3), loads, results.stream().mapToLong(r -> r[5]).max().orElse(0));
    assertThat(sum(results, 1)).as("failed calls").isZero();
    assertThat(sum(results, 2)).as("no caller misses").isZero();
    assertThat(sum(results, 3)).as("about one refresh a second").isBetween(3L, 6L);
    assertThat(loads).as("exactly one computation per refresh").isEqualTo(sum(results, 3));
  }
}
