package io.hermescache.internal;

import io.hermescache.HermesConfigurationException;
import io.hermescache.spi.Settings;
import java.time.Duration;
import java.util.Map;

/**
 * Resilience options chosen at one level (an annotation, a per-method configuration key, a {@code CacheOptions},
 * the {@code hermes.*} defaults), each {@code null} where that level does not choose it. Validated when made.
 *
 * @param staleFor how long after its expiry a value may still be served when the method fails; zero: never
 * @param softTimeout how long a caller with a stale value waits for the method before taking the stale value
 * @param hardTimeout how long any caller waits for the method before {@code HermesTimeoutException}
 * @param refreshAhead the fraction of the TTL after which a value is recomputed in the background; zero: never
 */
public record ResilienceOverrides(Duration staleFor, Duration softTimeout, Duration hardTimeout, Double refreshAhead) {

  /** Nothing chosen. */
  public static final ResilienceOverrides NONE = new ResilienceOverrides(null, null, null, null);

  public ResilienceOverrides {
    if (staleFor != null && staleFor.isNegative()) {
      throw HermesConfigurationException.badValue("staleFor", staleFor.toString(), "must not be negative");
    }
    positive("softTimeout", softTimeout);
    positive("hardTimeout", hardTimeout);
    if (refreshAhead != null) {
      refreshAhead("refreshAhead", refreshAhead);
    }
  }

  /** These choices where made, {@code lower}'s elsewhere. */
  public ResilienceOverrides over(ResilienceOverrides lower) {
    return new ResilienceOverrides(staleFor != null ? staleFor : lower.staleFor,
        softTimeout != null ? softTimeout : lower.softTimeout,
        hardTimeout != null ? hardTimeout : lower.hardTimeout,
        refreshAhead != null ? refreshAhead : lower.refreshAhead);
  }

  /**
   * A duration written as {@code hermes.ttl} is (whole seconds or ISO-8601); {@code null} for an empty text.
   *
   * @param what the key or member named by the error
   * @throws HermesConfigurationException naming {@code what} and {@code text}
   */
  public static Duration duration(String what, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return Settings.of(Map.of(what, text)).getDuration(what, null);
  }

  /** A positive timeout; the error names {@code what}. */
  public static Duration positive(String what, Duration timeout) {
    if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
      throw HermesConfigurationException.badValue(what, timeout.toString(), "must be positive");
    }
    return timeout;
  }

  /** A refresh-ahead fraction: zero (off) or more, below one; the error names {@code what}. */
  public static double refreshAhead(String what, double fraction) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw HermesConfigurationException.badValue(what, String.valueOf(fraction),
          "must be a fraction of the TTL from 0 (off) up to, not including, 1 (e.g. 0.8)");
    }
    return fraction;
  }
}
