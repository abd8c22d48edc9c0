package io.hermescache.spi;

import java.time.Duration;

/**
 * The one source of time of a {@link io.hermescache.Hermes} instance: expiry, grace, waiting for a peer,
 * lock renewal, the circuit breaker, rate-limited logs and early refresh all read it, so tests can drive
 * them with a fake clock instead of sleeping (as Caffeine's {@code Ticker} does for Caffeine).
 *
 * <p>Implementations are thread-safe. {@link #system()} is the real one.
 */
public interface Clock {

  /**
   * Wall-clock milliseconds since the epoch. Stored in entries (their expiry), which other JVMs read, so it
   * must be comparable across machines.
   */
  long currentTimeMillis();

  /** Monotonic nanoseconds, only compared with other values of this clock (waits, deadlines, rates). */
  long nanoTime();

  /**
   * Runs {@code task} once {@code delay} has passed on this clock, on a thread of the clock's choosing; the
   * task must be short (Hermes hands real work to its executor). Returns what cancels it.
   */
  Cancellable schedule(Runnable task, Duration delay);

  /** A scheduled task that may still be cancelled. */
  @FunctionalInterface
  interface Cancellable {
    /** Stops the task from running if it has not started; no effect otherwise. */
    void cancel();
  }

  /** The system clock: {@link System#currentTimeMillis()}, {@link System#nanoTime()}, one daemon timer thread. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }
}
