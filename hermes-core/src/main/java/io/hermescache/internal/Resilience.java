package io.hermescache.internal;

import java.time.Duration;

/**
 * The resilience options one call runs with, every level resolved (DESIGN.md, "Resilience, per method").
 *
 * @param staleFor fail-safe window after expiry; zero: off
 * @param throttle after a fail-safe answer, how long the stale value is served before the method is tried again
 * @param softTimeout {@code null}: none
 * @param hardTimeout {@code null}: none
 * @param refreshAhead fraction of the TTL; zero: off
 */
record Resilience(Duration staleFor, Duration throttle, Duration softTimeout, Duration hardTimeout,
    double refreshAhead) {

  static final Duration DEFAULT_THROTTLE = Duration.ofSeconds(30);
  static final Resilience OFF = new Resilience(Duration.ZERO, DEFAULT_THROTTLE, null, null, 0);

  /** {@code chosen} over these options. */
  Resilience with(ResilienceOverrides chosen) {
    if (chosen == null || chosen.equals(ResilienceOverrides.NONE)) {
      return this;
    }
    return new Resilience(chosen.staleFor() != null ? chosen.staleFor() : staleFor, throttle,
        chosen.softTimeout() != null ? chosen.softTimeout() : softTimeout,
        chosen.hardTimeout() != null ? chosen.hardTimeout() : hardTimeout,
        chosen.refreshAhead() != null ? chosen.refreshAhead() : refreshAhead);
  }

  boolean failSafe() {
    return !staleFor.isZero();
  }

  /** Whether the method must run off the caller's thread so that the caller can stop waiting for it. */
  boolean timed(boolean staleAtHand) {
    return hardTimeout != null || softTimeout != null && staleAtHand;
  }
}
