package io.hermescache.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

/**
 * Many callers at once on the backend: invalidations that race computations, one computation per cold key
 * across threads and instances, and waiters of a lock whose holder died.
 */
public abstract class ConcurrencyContract extends CachingContract {

  @Test
  void invalidationDuringComputationWins() throws Exception {
    try (Hermes hermes = hermes().build()) {
      for (String kind : List.of("tag", "namespace", "entry")) {
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch invalidated = new CountDownLatch(1);
        AtomicInteger generation = new AtomicInteger();
        String key = "race-" + kind;
        List<String> tags = List.of("race");
        Thread slow = new Thread(() -> hermes.cached(key, tags, Duration.ofMinutes(1), Integer.class, () -> {
          int value = generation.incrementAndGet();
          computing.countDown();
          invalidated.await();
          return value;
        }));
        slow.start();
        computing.await();
        switch (kind) {
          case "tag" -> hermes.clean("race");
          case "namespace" -> hermes.clean();
          default -> hermes.invalidate(key);
        }
        invalidated.countDown();
        slow.join();
        assertThat(hermes.cached(key, tags, Duration.ofMinutes(1), Integer.class, generation::incrementAndGet))
            .as("a value computed before the %s invalidation returned is never served", kind).isEqualTo(2);
      }
    }
  }

  /**
   * The promise of DESIGN.md under random interleavings: once a {@code clean}/{@code invalidate} has
   * returned, no caller is served a value whose computation started before that invalidation started.
   * Each value is the invalidation epoch read when its computation started; each invalidation bumps the
   * epoch before it starts and records it, once returned, as the minimum a later read may see.
   */
  @Test
  void noValueComputedBeforeAnInvalidationIsServedAfterIt() throws Exception {
    int keys = 4;
    AtomicLongArray seenByReadersAfter = new AtomicLongArray(keys);
    java.util.concurrent.atomic.AtomicLong epoch = new java.util.concurrent.atomic.AtomicLong();
    List<String> tags = List.of("all");
    AtomicInteger reads = new AtomicInteger();
    List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
    int operations = 10;
    try (Hermes hermes = hermes().build()) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        workers.add(pool.submit(() -> {
          java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
          while (System.nanoTime() < end) {
            int k = random.nextInt(keys);
            int op = random.nextInt(operations);
            if (op < 7) {
              long floor = seenByReadersAfter.get(k);
              long value = hermes.cached("key" + k, tags, Duration.ofMinutes(1), Long.class, () -> {
                long started = epoch.get();
                Thread.sleep(random.nextInt(3));
                return started;
              });
              reads.incrementAndGet();
              if (value < floor) {
                violations.add("key" + k + " served epoch " + value + " after invalidation " + floor + " returned");
              }
            } else {
              long started = epoch.incrementAndGet();
              switch (op) {
                case 7 -> hermes.clean("all");
                case 8 -> hermes.clean();
                default -> hermes.invalidate("key" + k);
              }
              for (int i = 0; i < keys; i++) {
                if (op != 9 || i == k) {
                  seenByReadersAfter.accumulateAndGet(i, started, Math::max);
                }
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();
    }
    assertThat(violations).isEmpty();
    assertThat(reads.get()).as("the test did work").isGreaterThan(100);
  }

  @Test
  void thirtyTwoThreadsOnAColdKeyComputeItOnce() throws Exception {
    try (Hermes hermes = hermes().build()) {
      int threads = 32;
      AtomicInteger runs = new AtomicInteger();
      CyclicBarrier start = new CyclicBarrier(threads);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          results.add(pool.submit(() -> {
            start.await();
            return hermes.cached("cold", List.of("t"), Duration.ofMinutes(1), String.class, () -> {
              runs.incrementAndGet();
              Thread.sleep(300);
              return "computed";
            });
          }));
        }
        for (Future<String> result : results) {
          assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("computed");
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(runs).hasValue(1);
      assertThat(hermes.stats().of("programmatic").loads()).isEqualTo(1);
    }
  }

  @Test
  void twoInstancesShareOneComputationThroughTheBackendLock() throws Exception {
    try (Hermes first = hermes().build(); Hermes second = hermes().build()) {
      AtomicInteger runs = new AtomicInteger();
      CountDownLatch computing = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<String> leader = pool.submit(() -> first.cached("shared", String.class, () -> {
          runs.incrementAndGet();
          computing.countDown();
          Thread.sleep(500);
          return "once";
        }));
        computing.await();
        Future<String> waiter = pool.submit(() -> second.cached("shared", String.class, () -> {
          runs.incrementAndGet();
          return "twice";
        }));
        assertThat(leader.get(10, TimeUnit.SECONDS)).isEqualTo("once");
        assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo("once");
      } finally {
        pool.shutdownNow();
      }
      assertThat(runs).hasValue(1);
      assertThat(second.stats().total().lockWaits()).isEqualTo(1);
    }
  }

  /**
   * A lock whose holder died (taken here directly, with a two-second lease, and never freed): the callers of
   * its key wait, then one of them computes once the lease ends, long before the lock timeout; the wait is
   * counted.
   */
  @Test
  void waitersOfADeadLockHolderRecoverAfterTheLeaseAndComputeOnce() throws Exception {
    Duration lease = Duration.ofSeconds(2);
    assertThat(backend.tryLock(prefix + ":lock:orphan", "dead-holder", lease)).isTrue();
    long start = System.nanoTime();
    AtomicInteger runs = new AtomicInteger();
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try (Hermes hermes = hermes().lockTimeout(Duration.ofSeconds(30)).build()) {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(callers.submit(() -> hermes.cached("orphan", Integer.class, runs::incrementAndGet)));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get(20, TimeUnit.SECONDS)).isEqualTo(1);
      }
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      assertThat(runs).as("exactly one recomputation").hasValue(1);
      assertThat(waited).as("after the lease, not the 30 s lock timeout")
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(10));
      assertThat(hermes.stats().of("programmatic").lockWaits()).as("the wait is counted").isPositive();
    } finally {
      callers.shutdownNow();
    }
  }
}
