package io.hermescache.internal;

import io.hermescache.HermesException;
import io.hermescache.spi.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * Drives a {@link Computation} on the caller's thread: the loader runs there (so the method keeps its
 * thread's context), and waits for a peer block on a timer of the engine's {@link Clock}.
 */
final class BlockingDriver {

  private BlockingDriver() {}

  static Object run(Computation computation, Callable<?> loader, Clock clock) throws Exception {
    Computation.Step step = computation.start();
    while (true) {
      switch (step.kind) {
        case DONE:
          return step.value;
        case WAIT:
          sleep(clock, step.waitNanos);
          step = computation.waited();
          break;
        default:
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
