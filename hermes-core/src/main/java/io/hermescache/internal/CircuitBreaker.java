package io.hermescache.internal;

/**
 * Stops calling a backend that keeps failing, so that calls bypass at once instead of each waiting for a
 * timeout. After {@link #THRESHOLD} failures in a row it opens for a pause that doubles on every failed
 * probe (up to {@link #MAX_PAUSE_MILLIS}); the first call after the pause probes, and a success closes it.
 */
final class CircuitBreaker {

  private final io.hermescache.spi.Clock clock;

  static final int THRESHOLD = 3;
  static final long FIRST_PAUSE_MILLIS = 500;
  static final long MAX_PAUSE_MILLIS = 15_000;

  private volatile int failures;
  private long pauseMillis = FIRST_PAUSE_MILLIS;
  private volatile long openUntil;
  private volatile boolean open;

  CircuitBreaker(io.hermescache.spi.Clock clock) {
    this.clock = clock;
  }

  /** Whether a call may use the backend now. */
  boolean allows() {
    return !open || clock.nanoTime() - openUntil >= 0;
  }

  /** Every successful call reports here, so the common case, nothing to reset, takes no lock. */
  void success() {
    if (failures != 0) {
      reset();
    }
  }

  private synchronized void reset() {
    failures = 0;
    pauseMillis = FIRST_PAUSE_MILLIS;
    open = false;
  }

  /** Records a failure; {@code true} if the circuit opened because of it. */
  synchronized boolean failure() {
    failures++;
    if (failures < THRESHOLD) {
      return false;
    }
    openUntil = clock.nanoTime() + pauseMillis * 1_000_000;
    open = true;
    pauseMillis = Math.min(pauseMillis * 2, MAX_PAUSE_MILLIS);
    return true;
  }
}
