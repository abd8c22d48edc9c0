package io.hermescache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.Hermes;
import io.hermescache.HermesLoadException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The read/compute protocol, driven by a fake clock and latches on an in-memory backend: each defect of
 * issue 14 as a scenario, and what every path that took a lock must do.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EngineProtocolTest {

  /** A thread per task, as JDK 17 gave CompletableFuture on two cores; JDK 21+ use a common pool of one thread there. */
  private static final java.util.concurrent.Executor NEW_THREAD = task -> {
    Thread thread = new Thread(task);
    thread.setDaemon(true);
    thread.start();
  };

  private final FakeClock clock = new FakeClock();
  private final MemoryBackend backend = new MemoryBackend(clock);

  private Hermes.Builder hermes() {
    return Hermes.builder().backend(backend).clock(clock).prefix("p").executor(Runnable::run);
  }

  /** Advances the fake clock in steps until {@code latch} opens (the other thread got there). */
  private void advanceUntil(CountDownLatch latch, Duration step) throws InterruptedException {
    while (!latch.await(1, TimeUnit.MILLISECONDS)) {
      clock.advance(step);
    }
  }

  @Test
  void aWaiterThatGaveUpOnTheLockDoesNotServeItsValueAfterAnInvalidation() throws Exception {
    try (Hermes holder = hermes().build(); Hermes waiter = hermes().lockTimeout(Duration.ofMillis(200)).build()) {
      CountDownLatch holding = new CountDownLatch(1);
      CountDownLatch releaseHolder = new CountDownLatch(1);
      CompletableFuture<String> held = CompletableFuture.supplyAsync(() -> holder.cached("k", String.class, () -> {
        holding.countDown();
        releaseHolder.await();
        return "holder";
      }), NEW_THREAD);
      assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
      CountDownLatch waiterComputing = new CountDownLatch(1);
      CountDownLatch releaseWaiter = new CountDownLatch(1);
      CompletableFuture<String> gaveUp = CompletableFuture.supplyAsync(() -> waiter.cached("k", String.class, () -> {
        waiterComputing.countDown();
        releaseWaiter.await();
        return "old";
      }), NEW_THREAD);
      advanceUntil(waiterComputing, Duration.ofMillis(50));
      waiter.invalidate("k");
      releaseWaiter.countDown();
      assertThat(gaveUp.get(10, TimeUnit.SECONDS)).as("its own call gets its value").isEqualTo("old");
      assertThat(waiter.<String>cached("k", String.class, () -> "new")).isEqualTo("new");
      releaseHolder.countDown();
      assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("holder");
      assertThat(waiter.<String>cached("k", String.class, () -> "newer"))
          .as("the holder's value, computed before the invalidation, is not stored either").isEqualTo("new");
    }
  }

  @Test
  void anEntryDueForEarlyRefreshIsRecomputedByTheCallerThatTakesTheLockAndServedToTheOthers() throws Exception {
    try (Hermes hermes = hermes().build()) {
      Duration ttl = Duration.ofMinutes(2);
      AtomicInteger loads = new AtomicInteger();
      hermes.cached("hot", List.of(), ttl, Integer.class, () -> {
        clock.advance(Duration.ofMinutes(1)); // a slow computation: XFetch refreshes it early
        return loads.incrementAndGet();
      });
      clock.advance(ttl.minusMillis(1));
      CountDownLatch refreshing = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Integer> refresher = CompletableFuture.supplyAsync(() ->
          hermes.cached("hot", List.of(), ttl, Integer.class, () -> {
            refreshing.countDown();
            release.await();
            return loads.incrementAndGet();
          }), NEW_THREAD);
      assertThat(refreshing.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(hermes.<Integer>cached("hot", List.of(), ttl, Integer.class, () -> -1))
          .as("a caller that does not get the lock keeps its hit").isEqualTo(1);
      release.countDown();
      assertThat(refresher.get(10, TimeUnit.SECONDS)).isEqualTo(2);
      assertThat(hermes.<Integer>cached("hot", List.of(), ttl, Integer.class, () -> -1)).isEqualTo(2);
      var stats = hermes.stats().of("programmatic");
      assertThat(stats.refreshes()).isEqualTo(1);
      assertThat(stats.misses()).as("a refresh is not a miss").isEqualTo(1);
      assertThat(stats.loads()).isEqualTo(2);
      assertThat(stats.puts()).as("the first value and its refresh").isEqualTo(2);
    }
  }

  @Test
  void aComputationLongerThanTheLeaseKeepsItsLockAndIsStored() {
    try (Hermes hermes = hermes().lockLease(Duration.ofSeconds(3)).build()) {
      AtomicInteger loads = new AtomicInteger();
      for (int i = 0; i < 3; i++) {
        hermes.cached("slow", String.class, () -> {
          for (int second = 0; second < 10; second++) {
            clock.advance(Duration.ofSeconds(1));
          }
          return "v" + loads.incrementAndGet();
        });
      }
      assertThat(loads).hasValue(1);
      assertThat(hermes.stats().total().errors()).isZero();
    }
  }

  @Test
  void aComputationThatLostItsLockIsNotStoredAndThatIsCounted() {
    backend.refuseExtend = true;
    try (Hermes hermes = hermes().lockLease(Duration.ofSeconds(3)).build()) {
      AtomicInteger loads = new AtomicInteger();
      for (int i = 0; i < 2; i++) {
        hermes.cached("slow", String.class, () -> {
          clock.advance(Duration.ofSeconds(10));
          return "v" + loads.incrementAndGet();
        });
      }
      assertThat(loads).hasValue(2);
      assertThat(hermes.stats().total().errors()).as("never silent").isEqualTo(2);
      assertThat(hermes.stats().total().puts()).as("nothing was stored").isZero();
    }
  }

  @Test
  void anInterruptedLeaderDoesNotFailItsFollowers() throws Exception {
    try (Hermes hermes = hermes().build()) {
      CountDownLatch leading = new CountDownLatch(1);
      CompletableFuture<Throwable> leaderFailure = new CompletableFuture<>();
      Thread leader = new Thread(() -> {
        try {
          hermes.cached("k", String.class, () -> {
            leading.countDown();
            new CountDownLatch(1).await();
            return "never";
          });
        } catch (Throwable e) {
          leaderFailure.complete(e);
        }
      });
      leader.start();
      assertThat(leading.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<String> follower = new CompletableFuture<>();
      Thread followerThread = new Thread(() -> follower.complete(hermes.cached("k", String.class, () -> "follower")));
      followerThread.start();
      while (followerThread.getState() != Thread.State.WAITING) {
        Thread.onSpinWait();
      }
      leader.interrupt();
      assertThat(leaderFailure.get(10, TimeUnit.SECONDS)).isInstanceOf(HermesLoadException.class)
          .hasCauseInstanceOf(InterruptedException.class);
      assertThat(follower.get(10, TimeUnit.SECONDS)).as("it was not interrupted: it computes").isEqualTo("follower");
    }
  }

  @Test
  void callsOfOneKeyWithTwoTypesDoNotShareAComputation() throws Exception {
    try (Hermes hermes = hermes().lockTimeout(Duration.ofMillis(100)).build()) {
      CountDownLatch computing = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<String> text = CompletableFuture.supplyAsync(() -> hermes.cached("same", String.class, () -> {
        computing.countDown();
        release.await();
        return "text";
      }), NEW_THREAD);
      assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Integer> number = CompletableFuture.supplyAsync(() ->
          hermes.cached("same", Integer.class, () -> 7), NEW_THREAD);
      while (!number.isDone()) {
        clock.advance(Duration.ofMillis(20));
        Thread.onSpinWait();
      }
      assertThat(number.get()).isEqualTo(7);
      release.countDown();
      assertThat(text.get(10, TimeUnit.SECONDS)).isEqualTo("text");
    }
  }

  @Test
  void aBackendFailureAfterTheLockWasTakenFreesTheLock() {
    try (Hermes hermes = hermes().build()) {
      AtomicInteger reads = new AtomicInteger();
      backend.beforeEach = operation -> {
        if (operation.equals("getAll") && reads.incrementAndGet() == 2) {
          throw new IllegalStateException("down just after the lock (test)");
        }
      };
      assertThat(hermes.<String>cached("k", String.class, () -> "computed anyway")).isEqualTo("computed anyway");
      assertThat(backend.holds("p:lock:k")).as("the lock was freed, not left for its lease").isFalse();
      assertThat(hermes.stats().total().errors()).isEqualTo(1);
    }
  }

  @Test
  void moreTagsThanAnEntryCanHoldAreRejected() {
    try (Hermes hermes = hermes().build()) {
      List<String> tags = IntStream.range(0, HermesEngine.MAX_TAGS + 1).mapToObj(i -> "t" + i).toList();
      assertThatThrownBy(() -> hermes.cached("k", tags, Duration.ofMinutes(1), String.class, () -> "v"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most " + HermesEngine.MAX_TAGS);
      List<String> allowed = tags.subList(0, HermesEngine.MAX_TAGS);
      hermes.cached("k", allowed, Duration.ofMinutes(1), String.class, () -> "v");
      assertThat(hermes.<String>cached("k", allowed, Duration.ofMinutes(1), String.class, () -> "other"))
          .isEqualTo("v");
    }
  }

  @Test
  void aPracticallyEternalTtlIsStoredWithoutOverflow() {
    try (Hermes hermes = hermes().build()) {
      Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
      hermes.cached("k", List.of(), forever, String.class, () -> "v");
      clock.advance(Duration.ofDays(365));
      assertThat(hermes.<String>cached("k", List.of(), forever, String.class, () -> "other")).isEqualTo("v");
    }
  }

  @Test
  void anInvalidationDuringAComputationWinsOverIt() throws Exception {
    try (Hermes hermes = hermes().build()) {
      CountDownLatch computing = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<String> old = CompletableFuture.supplyAsync(() -> hermes.cached("k", String.class, () -> {
        computing.countDown();
        release.await();
        return "old";
      }), NEW_THREAD);
      assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
      hermes.invalidate("k");
      CompletableFuture<String> after = hermes.<String>cachedAsync("k", String.class,
          () -> CompletableFuture.completedFuture("new")).toCompletableFuture();
      assertThat(after.get(10, TimeUnit.SECONDS)).as("a call after the invalidation joins nothing older")
          .isEqualTo("new");
      release.countDown();
      assertThat(old.get(10, TimeUnit.SECONDS)).isEqualTo("old");
      assertThat(hermes.<String>cached("k", String.class, () -> "newer")).isEqualTo("new");
    }
  }
}
