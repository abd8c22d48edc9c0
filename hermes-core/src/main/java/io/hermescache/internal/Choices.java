package io.hermescache.internal;

import io.hermescache.BackendFailure;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Clock;
import io.hermescache.spi.Compressor;
import io.hermescache.spi.Serialiser;
import io.hermescache.spi.Settings;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Options chosen in one place, each {@code null} where not chosen: the {@code hermes.*} keys of a
 * configuration ({@link ConfigurationParser}), or the setters of {@code Hermes.Builder}.
 * {@link EngineSettings#resolve} merges them; immutable.
 *
 * @param backendName {@code hermes.backend}: a provider's name, or {@code none}
 * @param source the configuration the backend is created from
 * @param compressor empty: no compression
 * @param near {@code hermes.near.*}
 * @param resilience {@code hermes.fail-safe.max-stale}, {@code hermes.timeout.soft}, {@code hermes.timeout.hard},
 *     {@code hermes.refresh-ahead}: the defaults of every cached method
 * @param failSafeThrottle {@code hermes.fail-safe.throttle}
 * @param verifyRoundTrip {@code hermes.verify-round-trip}
 */
public record Choices(Backend backend, String backendName, Settings source, Duration ttl, String prefix,
    Serialiser serialiser, Optional<Compressor> compressor, Integer compressionThreshold, Duration lockTimeout,
    Duration lockLease, Boolean cacheNulls, BackendFailure backendFailure, Executor executor, Clock clock,
    Boolean logKeys, NearCacheOptions near, ResilienceOverrides resilience, Duration failSafeThrottle, Boolean verifyRoundTrip) {

  /** Nothing chosen. */
  public static final Choices NONE = new Choices(null, null, null, null, null, null, null, null, null, null, null,
      null, null, null, null, null, null, null, null);

  /** The {@code hermes.*} keys of {@code settings}, each validated (the error names the key and the value). */
  public static Choices configured(Settings settings) {
    return ConfigurationParser.parse(settings);
  }
}
