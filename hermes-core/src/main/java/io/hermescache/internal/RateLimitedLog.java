package io.hermescache.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs a repeated warning at most once per period, saying how many were held back, so that an outage
 * does not flood the log. The stack trace goes to DEBUG.
 */
final class RateLimitedLog {

  private final System.Logger logger;
  private final long periodNanos;
  private final io.hermescache.spi.Clock clock;
  private final AtomicLong nextAllowed;
  private final AtomicLong suppressed = new AtomicLong();

  RateLimitedLog(System.Logger logger, Duration period, io.hermescache.spi.Clock clock) {
    this.logger = logger;
    this.clock = clock;
    this.nextAllowed = new AtomicLong(clock.nanoTime());
    this.periodNanos = period.toNanos();
  }

  void warn(Throwable cause, String message) {
    long now = clock.nanoTime();
    long allowed = nextAllowed.get();
    if (now - allowed < 0 || !nextAllowed.compareAndSet(allowed, now + periodNanos)) {
      suppressed.incrementAndGet();
      return;
    }
    long held = suppressed.getAndSet(0);
    logger.log(System.Logger.Level.WARNING, held == 0 ? message : message + " (" + held + " similar held back)");
    if (cause != null) {
      logger.log(System.Logger.Level.DEBUG, "Cause", cause);
    }
  }
}
