package io.hermescache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.CacheOptions;
import io.hermescache.CacheStats;
import io.hermescache.Hermes;
import io.hermescache.HermesConfigurationException;
import io.hermescache.HermesTimeoutException;
import io.hermescache.spi.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fail-safe, soft and hard timeouts, refresh ahead and not waiting on a peer with a stale value at hand, on an
 * in-memory backend driven by a fake clock; background work runs on a real pool, and latches order events.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ResilienceTest {

  /** A thread per task, as JDK 17 gave CompletableFuture on two cores; JDK 21+ use a common pool of one thread there. */
  private static final java.util.concurrent.Executor NEW_THREAD = task -> {
    Thread thread = new Thread(task);
    thread.setDaemon(true);
    thread.start();
  };

  private static final Duration TTL = Duration.ofSeconds(60);

  private final FakeClock clock = new FakeClock();
  private final MemoryBackend backend = new MemoryBackend(clock);
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private Hermes.Builder hermes() {
    return Hermes.builder().backend(backend).clock(clock).prefix("p").executor(pool);
  }

  private static CacheOptions.Builder options() {
    return CacheOptions.builder(String.class).ttl(TTL).tags("t").statsGroup("test");
  }

  /** Advances the fake clock in steps until {@code done} completes (the other thread got there). */
  private void advanceUntil(CompletableFuture<?> done, Duration step) {
    while (!done.isDone()) {
      try {
        done.get(1, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        // not yet, or failed: the loop checks
      }
      if (!done.isDone()) {
        clock.advance(step);
      }
    }
  }

  /** A latch opened when the backend is next asked to free a lock: a computation has stored and is ending. */
  private CountDownLatch nextUnlock() {
    CountDownLatch unlocked = new CountDownLatch(1);
    backend.beforeEach = operation -> {
      if (operation.equals("unlock")) {
        unlocked.countDown();
      }
    };
    return unlocked;
  }

  @Test
  void failSafeServesTheStaleValueAndCallsTheFailingMethodOncePerThrottlePeriod() {
    try (Hermes hermes = hermes().build()) {
      CacheOptions failSafe = options().staleFor(Duration.ofHours(1)).build();
      assertThat(hermes.<String>cached("k", failSafe, () -> "v1")).isEqualTo("v1");
      clock.advance(TTL.plusSeconds(10));
      AtomicInteger calls = new AtomicInteger();
      for (int i = 0; i < 100; i++) {
        assertThat(hermes.<String>cached("k", failSafe, () -> {
          calls.incrementAndGet();
          throw new IllegalStateException("database down");
        })).isEqualTo("v1");
        clock.advance(Duration.ofMillis(500)); // 50 s in all: two throttle periods of 30 s
      }
      assertThat(calls).hasValue(2);
      CacheStats stats = hermes.stats().of("test");
      assertThat(stats.stale()).isEqualTo(2);
      assertThat(stats.loadFailures()).isEqualTo(2);
      assertThat(stats.puts()).as("v1, then v1 stored again for each throttle period").isEqualTo(3);
    }
  }

  @Test
  void failSafeNeverServesAnInvalidatedValueNorOneOlderThanStaleFor() {
    try (Hermes hermes = hermes().build()) {
      CacheOptions failSafe = options().staleFor(Duration.ofSeconds(20)).build();
      hermes.cached("cleaned", failSafe, () -> "v1");
      hermes.cached("old", failSafe, () -> "v1");
      clock.advance(TTL.plusSeconds(5));
      hermes.clean("t");
      assertThatThrownBy(() -> hermes.cached("cleaned", failSafe, () -> {
        throw new IllegalStateException("database down");
      })).hasMessage("database down");
      clock.advance(Duration.ofSeconds(20));
      assertThatThrownBy(() -> hermes.cached("old", options().staleFor(Duration.ofSeconds(20)).build(), () -> {
        throw new IllegalStateException("database down");
      })).hasMessage("database down");
      assertThat(hermes.stats().of("test").stale()).isZero();
    }
  }

  @Test
  void aSoftTimeoutServesTheStaleValueAndTheComputationStoresItsValueOnce() throws Exception {
    try (Hermes hermes = hermes().build()) {
      CacheOptions soft = options().softTimeout(Duration.ofMillis(50)).build();
      hermes.cached("k", soft, () -> "v1");
      clock.advance(TTL.plusSeconds(1));
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger loads = new AtomicInteger();
      CompletableFuture<String> caller = CompletableFuture.supplyAsync(() -> hermes.cached("k", soft, () -> {
        loads.incrementAndGet();
        release.await();
        return "v2";
      }), NEW_THREAD);
      advanceUntil(caller, Duration.ofMillis(10));
      assertThat(caller.get()).isEqualTo("v1");
      assertThat(hermes.<String>cached("k", soft, () -> "not called")).as("no second computation").isEqualTo("v1");
      CountDownLatch stored = nextUnlock();
      release.countDown();
      assertThat(stored.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(hermes.<String>cached("k", soft, () -> "not called")).isEqualTo("v2");
      assertThat(loads).hasValue(1);
      CacheStats stats = hermes.stats().of("test");
      assertThat(stats.timeouts()).isEqualTo(1);
      assertThat(stats.stale()).isEqualTo(1);
    }
  }

  @Test
  void aHardTimeoutThrowsWithoutAStaleValueAndTheNextCallIsAHit() throws Exception {
    try (Hermes hermes = hermes().build()) {
      CacheOptions hard = options().hardTimeout(Duration.ofSeconds(1)).build();
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger loads = new AtomicInteger();
      CountDownLatch started = new CountDownLatch(1);
      long start = clock.nanoTime();
      CompletableFuture<String> caller = CompletableFuture.supplyAsync(() -> hermes.cached("k", hard, () -> {
        loads.incrementAndGet();
        started.countDown();
        release.await();
        return "v1";
      }), NEW_THREAD);
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      clock.advance(Duration.ofSeconds(1).minusNanos(clock.nanoTime() - start + 1));
      assertThat(caller).as("not before the timeout").isNotDone();
      clock.advance(Duration.ofNanos(1));
      assertThat(caller).as("at the timeout").failsWithin(Duration.ofSeconds(10)).withThrowableThat().havingCause()
          .isInstanceOf(HermesTimeoutException.class).withMessageContaining("hard timeout of PT1S");
      CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> hermes.cached("k", hard, () -> "twice"), NEW_THREAD);
      advanceUntil(second, Duration.ofMillis(100));
      assertThat(second).as("the lock holder is the running computation: waited for, not run again")
          .failsWithin(Duration.ZERO).withThrowableThat().havingCause().isInstanceOf(HermesTimeoutException.class);
      CountDownLatch stored = nextUnlock();
      release.countDown();
      assertThat(stored.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(hermes.<String>cached("k", hard, () -> "not called")).isEqualTo("v1");
      assertThat(loads).hasValue(1);
      assertThat(hermes.stats().of("test").timeouts()).isEqualTo(2);
    }
  }

  @Test
  void anInvalidationDuringATimedOutComputationWins() throws Exception {
    try (Hermes hermes = hermes().build()) {
      CacheOptions hard = options().hardTimeout(Duration.ofSeconds(1)).build();
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<String> caller = CompletableFuture.supplyAsync(() -> hermes.cached("k", hard, () -> {
        release.await();
        return "old";
      }), NEW_THREAD);
      advanceUntil(caller, Duration.ofMillis(100));
      hermes.clean("t");
      CountDownLatch ended = nextUnlock();
      release.countDown();
      assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
      // the old computation may still hold its lock for an instant: this call may wait for it, on the fake clock
      CompletableFuture<String> next = CompletableFuture.supplyAsync(() -> hermes.cached("k", options().build(),
          () -> "new"), NEW_THREAD);
      advanceUntil(next, Duration.ofMillis(10));
      assertThat(next.get()).isEqualTo("new");
    }
  }

  @Test
  void anAsyncSoftTimeoutCompletesWithTheStaleValue() throws Exception {
    try (Hermes hermes = hermes().build()) {
      CacheOptions soft = options().softTimeout(Duration.ofMillis(50)).build();
      hermes.cachedAsync("k", soft, () -> CompletableFuture.completedFuture("v1")).toCompletableFuture().get();
      clock.advance(TTL.plusSeconds(1));
      CompletableFuture<String> slow = new CompletableFuture<>();
      CompletableFuture<String> caller = hermes.<String>cachedAsync("k", soft, () -> slow).toCompletableFuture();
      advanceUntil(caller, Duration.ofMillis(10));
      assertThat(caller.get()).isEqualTo("v1");
      CountDownLatch stored = nextUnlock();
      slow.complete("v2");
      assertThat(stored.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(hermes.<String>cachedAsync("k", soft, () -> CompletableFuture.completedFuture("not called"))
          .toCompletableFuture().get()).isEqualTo("v2");
      assertThat(hermes.stats().of("test").timeouts()).isEqualTo(1);
    }
  }

  @Test
  void anAsyncHardTimeoutFailsTheStage() {
    try (Hermes hermes = hermes().build()) {
      CacheOptions hard = options().hardTimeout(Duration.ofSeconds(1)).build();
      CompletableFuture<String> never = new CompletableFuture<>();
      CompletableFuture<String> caller = hermes.<String>cachedAsync("k", hard, () -> never).toCompletableFuture();
      advanceUntil(caller, Duration.ofMillis(100));
      assertThat(caller).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
          .isInstanceOf(HermesTimeoutException.class);
    }
  }

  @Test
  void refreshAheadRecomputesInTheBackgroundOnceWhileCallersGetTheCurrentValue() throws Exception {
    try (Hermes hermes = hermes().build()) {
      CacheOptions ahead = options().refreshAhead(0.5).build();
      AtomicInteger loads = new AtomicInteger();
      CountDownLatch release = new CountDownLatch(1);
      assertThat(hermes.<String>cached("k", ahead, () -> "v" + loads.incrementAndGet())).isEqualTo("v1");
      clock.advance(Duration.ofSeconds(31));
      CountDownLatch stored = nextUnlock();
      for (int i = 0; i < 20; i++) {
        assertThat(hermes.<String>cached("k", ahead, () -> {
          release.await();
          return "v" + loads.incrementAndGet();
        })).isEqualTo("v1");
      }
      release.countDown();
      assertThat(stored.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(hermes.<String>cached("k", ahead, () -> "not called")).isEqualTo("v2");
      assertThat(loads).hasValue(2);
      CacheStats stats = hermes.stats().of("test");
      assertThat(stats.refreshes()).isEqualTo(1);
      assertThat(stats.misses()).isEqualTo(1);
      assertThat(stats.hits()).isEqualTo(21);
    }
  }

  @Test
  void anInvalidationDuringARefreshAheadWins() throws Exception {
    try (Hermes hermes = hermes().build()) {
      CacheOptions ahead = options().refreshAhead(0.5).build();
      hermes.cached("k", ahead, () -> "v1");
      clock.advance(Duration.ofSeconds(31));
      CountDownLatch refreshing = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      hermes.cached("k", ahead, () -> {
        refreshing.countDown();
        release.await();
        return "old";
      });
      assertThat(refreshing.await(10, TimeUnit.SECONDS)).isTrue();
      hermes.invalidate("k");
      release.countDown();
      assertThat(hermes.<String>cached("k", ahead, () -> "new")).isEqualTo("new");
    }
  }

  @Test
  void aCallerDoesNotWaitForAPeerWhenAStaleValueIsAtHand() throws Exception {
    try (Hermes holder = hermes().build(); Hermes other = hermes().build()) {
      holder.cached("k", options().build(), () -> "v1");
      clock.advance(TTL.plusSeconds(1));
      CountDownLatch computing = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<String> held = CompletableFuture.supplyAsync(() -> holder.cached("k", options().build(), () -> {
        computing.countDown();
        release.await();
        return "v2";
      }), NEW_THREAD);
      assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(other.<String>cached("k", options().build(), () -> "not called")).isEqualTo("v1");
      assertThat(other.stats().total().lockWaits()).isZero();
      release.countDown();
      assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("v2");
    }
  }

  /** {@code key = value}, with no backend configured (the test sets one). */
  private static Settings settings(String key, String value) {
    return Settings.of(Map.of("hermes.backend", "none", key, value));
  }

  @Test
  void badResilienceSettingsFailNamingKeyAndValue() {
    assertThatThrownBy(() -> Hermes.builder().configure(settings("hermes.fail-safe.max-stale", "abc")))
        .isInstanceOf(HermesConfigurationException.class).hasMessageStartingWith("hermes.fail-safe.max-stale = abc");
    assertThatThrownBy(() -> Hermes.builder().configure(settings("hermes.refresh-ahead", "1.5")))
        .isInstanceOf(HermesConfigurationException.class).hasMessageStartingWith("hermes.refresh-ahead = 1.5");
    assertThatThrownBy(() -> Hermes.builder().configure(settings("hermes.timeout.hard", "-1")))
        .isInstanceOf(HermesConfigurationException.class).hasMessageStartingWith("hermes.timeout.hard = -1");
    assertThatThrownBy(() -> Hermes.builder().configure(settings("hermes.fail-safe.throttle", "PT0S")))
        .isInstanceOf(HermesConfigurationException.class).hasMessageStartingWith("hermes.fail-safe.throttle = PT0S");
    assertThatThrownBy(() -> options().softTimeout(Duration.ZERO))
        .isInstanceOf(HermesConfigurationException.class).hasMessageStartingWith("softTimeout = PT0S");
  }

  @Test
  void configuredDefaultsApplyToEveryCall() {
    try (Hermes hermes = hermes().configure(Settings.of(Map.of("hermes.backend", "none",
        "hermes.fail-safe.max-stale", "3600", "hermes.fail-safe.throttle", "PT10S"))).build()) {
      hermes.cached("k", String.class, () -> "v1");
      clock.advance(Duration.ofHours(1).plusSeconds(1));
      AtomicInteger calls = new AtomicInteger();
      for (int i = 0; i < 3; i++) {
        assertThat(hermes.<String>cached("k", String.class, () -> {
          calls.incrementAndGet();
          throw new IllegalStateException("down");
        })).isEqualTo("v1");
        clock.advance(Duration.ofSeconds(6));
      }
      assertThat(calls).as("throttled for 10 s").hasValue(2);
    }
  }

  /** A value class whose one property is not written back: the round trip check catches it. */
  public static final class Half {
    private String kept = "a";
    private String lost = "b";

    public String getKept() {
      return kept;
    }

    public void setKept(String kept) {
      this.kept = kept;
    }

    public String getLost() {
      return lost;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Half half && half.kept.equals(kept) && half.lost.equals(lost);
    }

    @Override
    public int hashCode() {
      return kept.hashCode();
    }
  }

  @Test
  void verifyRoundTripFailsTheCallNamingTheGroup() {
    try (Hermes hermes = hermes().configure(settings("hermes.verify-round-trip", "true")).build()) {
      Half value = new Half();
      value.lost = "changed";
      assertThatThrownBy(() -> hermes.cached("k", CacheOptions.builder(Half.class).statsGroup("halves").build(),
          () -> value)).isInstanceOf(AssertionError.class).hasMessageStartingWith("halves: hermes.verify-round-trip:");
    }
  }
}
