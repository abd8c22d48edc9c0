package io.hermescache.internal;

import io.hermescache.HermesException;
import io.hermescache.spi.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Drives a {@link Computation} on the caller's thread: the loader runs there (so the method keeps its
 * thread's context), and waits for a peer block on a timer of the engine's {@link Clock}.
 *
 * <p>With a timeout that applies (a hard one, or a soft one with a stale value at hand) the loader runs on the
 * executor instead, so that the caller can stop waiting for it: the computation then goes on, and stores its
 * value, whatever the caller does; it is never started twice because of a timeout.
 */
final class BlockingDriver {

  private BlockingDriver() {}

  static Object run(Computation computation, Callable<?> loader, Clock clock, Executor executor) throws Exception {
    long start = clock.nanoTime();
    Duration hard = computation.resilience().hardTimeout();
    Computation.Step step = computation.start();
    while (true) {
      switch (step.kind) {
        case DONE:
          return step.value;
        case WAIT:
          long wait = step.waitNanos;
          if (hard != null) {
            long left = Durations.plus(start, Durations.nanos(hard)) - clock.nanoTime();
            if (left <= 0) {
              computation.timedOut(hard, false);
              throw computation.timeout(hard);
            }
            wait = Math.min(wait, left);
          }
          sleep(clock, wait);
          step = computation.waited();
          break;
        default:
          if (computation.resilience().timed(computation.staleAtHand())) {
            return timed(computation, loader, clock, executor, start);
          }
          Object value = null;
          Throwable error = null;
          try {
            value = loader.call();
          } catch (Throwable e) {
            error = e;
          }
          step = computation.loaded(value, error);
      }
    }
  }

  /** Runs the loader on {@code executor} and waits for it until the soft or hard timeout, counted from {@code start}. */
  private static Object timed(Computation computation, Callable<?> loader, Clock clock, Executor executor, long start)
      throws Exception {
    CompletableFuture<Object> finished = new CompletableFuture<>();
    executor.execute(() -> {
      try {
        Object value = null;
        Throwable error = null;
        try {
          value = loader.call();
        } catch (Throwable e) {
          error = e;
        }
        finished.complete(computation.loaded(value, error).value);
      } catch (Throwable e) {
        finished.completeExceptionally(e);
      }
    });
    Resilience resilience = computation.resilience();
    boolean soft = resilience.softTimeout() != null && computation.staleAtHand()
        && (resilience.hardTimeout() == null || resilience.softTimeout().compareTo(resilience.hardTimeout()) < 0);
    Duration timeout = soft ? resilience.softTimeout() : resilience.hardTimeout();
    long left = Durations.plus(start, Durations.nanos(timeout)) - clock.nanoTime();
    if (!awaitWithin(finished, clock, left)) {
      if (soft || computation.failSafeAtHand()) {
        computation.timedOut(timeout, true);
        return computation.staleValue();
      }
      computation.timedOut(timeout, false);
      throw computation.timeout(timeout);
    }
    try {
      return finished.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      throw (Error) cause;
    }
  }

  /** Whether {@code future} completes within {@code nanos} of {@code clock}; an interrupt ends the call. */
  static boolean awaitWithin(CompletableFuture<?> future, Clock clock, long nanos) {
    if (future.isDone() || nanos <= 0) {
      return future.isDone();
    }
    CompletableFuture<Void> elapsed = new CompletableFuture<>();
    Clock.Cancellable timer = clock.schedule(() -> elapsed.complete(null), Duration.ofNanos(nanos));
    try {
      CompletableFuture.anyOf(future, elapsed).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HermesException("Interrupted while waiting for a value being computed", e);
    } catch (ExecutionException e) {
      // the future failed: it is done
    } finally {
      timer.cancel();
    }
    return future.isDone();
  }

  /** Blocks for {@code nanos} of {@code clock}; an interrupt ends the call (the flag stays set). */
  static void sleep(Clock clock, long nanos) {
    CountDownLatch elapsed = new CountDownLatch(1);
    Clock.Cancellable timer = clock.schedule(elapsed::countDown, Duration.ofNanos(nanos));
    try {
      elapsed.await();
    } catch (InterruptedException e) {
      timer.cancel();
      Thread.currentThread().interrupt();
      throw new HermesException("Interrupted while waiting for a value computed elsewhere", e);
    }
  }
}
