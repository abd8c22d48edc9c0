package io.hermescache.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.Hermes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code cachedAsync} on the backend: shared computations, failures, cancellation, and no blocked caller. */
public abstract class AsyncContract extends ConcurrencyContract {

  @Test
  void asyncValuesAreCachedByTheirCompletedValue() throws Exception {
    try (Hermes hermes = hermes().build()) {
      AtomicInteger runs = new AtomicInteger();
      for (int i = 0; i < 3; i++) {
        Point point = hermes.<Point>cachedAsync("async", Point.class,
            () -> CompletableFuture.supplyAsync(() -> new Point(runs.incrementAndGet(), 0, List.of()))).toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
        assertThat(point).isEqualTo(new Point(1, 0, List.of()));
      }
      assertThat(runs).hasValue(1);
      assertThat(hermes.<Point>cached("async", Point.class, () -> null)).as("the same entry for blocking callers")
          .isEqualTo(new Point(1, 0, List.of()));
    }
  }

  @Test
  void asyncCallersOfAColdKeyShareOneComputationAndCancellingOneCancelsNothingShared() throws Exception {
    try (Hermes hermes = hermes().build()) {
      AtomicInteger runs = new AtomicInteger();
      CountDownLatch computing = new CountDownLatch(1);
      CompletableFuture<String> computation = new CompletableFuture<>();
      List<CompletableFuture<String>> callers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        callers.add(hermes.<String>cachedAsync("shared-async", String.class, () -> {
          runs.incrementAndGet();
          computing.countDown();
          return computation;
        }).toCompletableFuture());
      }
      callers.get(0).cancel(true);
      assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
      computation.complete("value");
      for (CompletableFuture<String> caller : callers.subList(1, callers.size())) {
        assertThat(caller.get(10, TimeUnit.SECONDS)).isEqualTo("value");
      }
      assertThat(callers.get(0)).isCancelled();
      assertThat(runs).hasValue(1);
      assertThat(computation).as("the shared computation was not cancelled").isCompletedWithValue("value");
    }
  }

  @Test
  void aFailedAsyncComputationFailsEveryCallerAndIsNotCached() throws Exception {
    try (Hermes hermes = hermes().build()) {
      AtomicInteger runs = new AtomicInteger();
      CompletableFuture<String> failing = new CompletableFuture<>();
      CountDownLatch computing = new CountDownLatch(1);
      CompletableFuture<String> first = hermes.<String>cachedAsync("failing-async", String.class, () -> {
        runs.incrementAndGet();
        computing.countDown();
        return failing;
      }).toCompletableFuture();
      CompletableFuture<String> second = hermes.<String>cachedAsync("failing-async", String.class, () -> {
        runs.incrementAndGet();
        computing.countDown();
        return failing;
      }).toCompletableFuture();
      assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
      failing.completeExceptionally(new IllegalStateException("remote service down"));
      for (CompletableFuture<String> caller : List.of(first, second)) {
        assertThatThrownBy(() -> caller.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
            .hasRootCauseMessage("remote service down");
      }
      assertThat(hermes.<String>cachedAsync("failing-async", String.class,
          () -> CompletableFuture.completedFuture("recovered")).toCompletableFuture().get(10, TimeUnit.SECONDS))
          .isEqualTo("recovered");
    }
  }

  @Test
  void asyncCallersAreNotBlockedByASlowBackend() throws Exception {
    FaultyBackend slow = new FaultyBackend(backend);
    slow.delayMillis.set(500);
    try (Hermes hermes = Hermes.builder().backend(slow).prefix(prefix).build()) {
      long start = System.nanoTime();
      CompletableFuture<String> value = hermes.<String>cachedAsync("slow", String.class,
          () -> CompletableFuture.completedFuture("v")).toCompletableFuture();
      hermes.cleanAsync("any");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
      assertThat(value).isNotDone();
      assertThat(value.get(20, TimeUnit.SECONDS)).isEqualTo("v");
    }
  }
}
