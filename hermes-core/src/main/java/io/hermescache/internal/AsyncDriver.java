package io.hermescache.internal;

import io.hermescache.spi.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Drives a {@link Computation} without blocking any thread: steps run on the executor, waits are timers of
 * the engine's {@link Clock}, and the loader's stage is awaited by a callback.
 */
final class AsyncDriver {

  private final Computation computation;
  private final Callable<? extends CompletionStage<?>> loader;
  private final Clock clock;
  private final Executor executor;
  private final CompletableFuture<Object> result;
  private final long start;

  private AsyncDriver(Computation computation, Callable<? extends CompletionStage<?>> loader, Clock clock,
      Executor executor, CompletableFuture<Object> result) {
    this.computation = computation;
    this.loader = loader;
    this.clock = clock;
    this.executor = executor;
    this.result = result;
    this.start = clock.nanoTime();
  }

  /** Runs {@code computation} from the current thread (already the executor's) and completes {@code result}. */
  static void run(Computation computation, Callable<? extends CompletionStage<?>> loader, Clock clock,
      Executor executor, CompletableFuture<Object> result) {
    new AsyncDriver(computation, loader, clock, executor, result).advance(computation::start);
  }

  private void advance(Supplier<Computation.Step> next) {
    Computation.Step step;
    try {
      step = next.get();
    } catch (Throwable e) {
      result.completeExceptionally(unwrap(e));
      return;
    }
    Duration hard = computation.resilience().hardTimeout();
    switch (step.kind) {
      case DONE -> result.complete(step.value);
      case WAIT -> {
        long wait = step.waitNanos;
        if (hard != null) {
          long left = Durations.plus(start, Durations.nanos(hard)) - clock.nanoTime();
          if (left <= 0) {
            computation.timedOut(hard, false);
            result.completeExceptionally(computation.timeout(hard));
            return;
          }
          wait = Math.min(wait, left);
        }
        clock.schedule(() -> executor.execute(() -> advance(computation::waited)), Duration.ofNanos(wait));
      }
      default -> {
        if (computation.resilience().timed(computation.staleAtHand())) {
          scheduleTimeout();
        }
        stage(loader, "the loader").whenCompleteAsync(
            (value, error) -> advance(() -> computation.loaded(value, unwrap(error))), executor);
      }
    }
  }

  /**
   * Completes the result with the stale value (soft timeout, or fail-safe at the hard timeout) or a
   * {@code HermesTimeoutException} if the loader has not answered by then; the loader's stage goes on, and
   * its value is stored when it completes.
   */
  private void scheduleTimeout() {
    Resilience resilience = computation.resilience();
    boolean soft = resilience.softTimeout() != null && computation.staleAtHand()
        && (resilience.hardTimeout() == null || resilience.softTimeout().compareTo(resilience.hardTimeout()) < 0);
    Duration timeout = soft ? resilience.softTimeout() : resilience.hardTimeout();
    long left = Math.max(0, Durations.plus(start, Durations.nanos(timeout)) - clock.nanoTime());
    Clock.Cancellable timer = clock.schedule(() -> executor.execute(() -> {
      if (result.isDone()) {
        return;
      }
      if (soft || computation.failSafeAtHand()) {
        if (result.complete(computation.staleValue())) {
          computation.timedOut(timeout, true);
        }
      } else if (result.completeExceptionally(computation.timeout(timeout))) {
        computation.timedOut(timeout, false);
      }
    }), Duration.ofNanos(left));
    result.whenComplete((value, error) -> timer.cancel());
  }

  /** The stage {@code loader} returns; a loader that throws or returns no stage gives a failed one. */
  @SuppressWarnings("unchecked")
  static CompletableFuture<Object> stage(Callable<? extends CompletionStage<?>> loader, String what) {
    try {
      CompletionStage<Object> stage = (CompletionStage<Object>) loader.call();
      return Objects.requireNonNull(stage, () -> what + " returned a null CompletionStage").toCompletableFuture();
    } catch (Throwable e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
  }
}
