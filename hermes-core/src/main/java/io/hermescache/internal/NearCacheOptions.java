package io.hermescache.internal;

import io.hermescache.HermesConfigurationException;
import io.hermescache.internal.near.NearCache;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Clock;
import io.hermescache.spi.Settings;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The near cache's settings ({@code hermes.near.*}, DESIGN.md "Near cache"): whether it is on, its bound and
 * the longest another JVM may serve a value after an invalidation returned.
 */
public record NearCacheOptions(boolean enabled, int maxEntries, Duration maxStaleness) {

  public static final String ENABLED_KEY = "hermes.near.enabled";
  public static final String MAX_ENTRIES_KEY = "hermes.near.max-entries";
  public static final String MAX_STALENESS_KEY = "hermes.near.max-staleness";

  /** The defaults: off, 10000 entries, one second. */
  public static final NearCacheOptions OFF = new NearCacheOptions(false, 10_000, Duration.ofSeconds(1));

  /** Checks the values; the error names the setting and the value. */
  public NearCacheOptions {
    if (maxEntries <= 0) {
      throw HermesConfigurationException.badValue(MAX_ENTRIES_KEY, String.valueOf(maxEntries), "must be positive");
    }
    if (maxStaleness == null || maxStaleness.isZero() || maxStaleness.isNegative()) {
      throw HermesConfigurationException.badValue(MAX_STALENESS_KEY, String.valueOf(maxStaleness),
          "must be positive");
    }
  }

  /** An enabled near cache of {@code maxEntries} copies, none trusted unconfirmed longer than {@code maxStaleness}. */
  public static NearCacheOptions enabled(int maxEntries, Duration maxStaleness) {
    return new NearCacheOptions(true, maxEntries, maxStaleness);
  }

  /** The {@code hermes.near.*} keys of {@code source}; {@code null} if none is set. */
  static NearCacheOptions parse(Settings source) {
    if (source.get(ENABLED_KEY).isEmpty() && source.get(MAX_ENTRIES_KEY).isEmpty()
        && source.get(MAX_STALENESS_KEY).isEmpty()) {
      return null;
    }
    Duration staleness = source.getDuration(MAX_STALENESS_KEY, OFF.maxStaleness);
    if (staleness.isZero()) {
      throw HermesConfigurationException.badValue(MAX_STALENESS_KEY, source.get(MAX_STALENESS_KEY).orElse("0"),
          "must be positive");
    }
    return new NearCacheOptions(source.getBoolean(ENABLED_KEY, false), source.getInt(MAX_ENTRIES_KEY,
        OFF.maxEntries), staleness);
  }

  /**
   * {@code backend} behind a near cache when this is enabled and {@code backend} is remote; else
   * {@code backend} itself (an in-process backend is already near: the setting is ignored, and said so).
   */
  Backend around(Backend backend, String prefix, Clock clock, Executor executor) {
    if (!enabled || backend == null) {
      return backend;
    }
    if (backend.inProcess()) {
      BackendGuard.LOG.log(System.Logger.Level.INFO, () -> ENABLED_KEY + " is ignored for " + backend
          + ": an in-process backend already keeps every value in this JVM");
      return backend;
    }
    return new NearCache(backend, prefix, this, clock, executor);
  }

  /** The backend a near cache is in front of, or {@code backend} itself. */
  static Backend behind(Backend backend) {
    return backend instanceof NearCache ? ((NearCache) backend).remote() : backend;
  }

  /** Stops the near cache in front of a backend being replaced; the backend itself stays open. */
  static void retire(Backend backend) {
    if (backend instanceof NearCache) {
      ((NearCache) backend).closeChannel();
    }
  }
}
