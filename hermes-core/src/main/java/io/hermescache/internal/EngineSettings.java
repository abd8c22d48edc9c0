package io.hermescache.internal;

import io.hermescache.BackendFailure;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Clock;
import io.hermescache.spi.Compressor;
import io.hermescache.spi.Serialiser;
import io.hermescache.spi.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The settings of one engine, fixed when it is built: the builder's setters over the configuration over the
 * defaults of the configuration table. Immutable.
 */
public final class EngineSettings {

  /** {@code null}: caching is off ({@code hermes.backend = none}). */
  final Backend backend;
  final Duration ttl;
  final String prefix;
  final Serialiser serialiser;
  final Compressor compressor;
  final int compressionThreshold;
  final Duration lockTimeout;
  final Duration lockLease;
  final boolean cacheNulls;
  final BackendFailure backendFailure;
  /** {@code null}: Hermes' own threads, made on first need. */
  final Executor executor;
  final Clock clock;
  final boolean logKeys;
  final NearCacheOptions near;
  /** The resilience every cached call runs with unless its method or options choose otherwise. */
  final Resilience resilience;
  final boolean verifyRoundTrip;

  private EngineSettings(Choices explicit, Choices configured) {
    ttl = pick(explicit.ttl(), configured.ttl(), Duration.ofHours(1));
    prefix = pick(explicit.prefix(), configured.prefix(), "cache");
    serialiser = pick(explicit.serialiser(), configured.serialiser(), null);
    Optional<Compressor> compression = pick(explicit.compressor(), configured.compressor(),
        Optional.of(new DeflateCompressor()));
    compressor = compression.orElse(null);
    compressionThreshold = pick(explicit.compressionThreshold(), configured.compressionThreshold(), 100);
    lockTimeout = pick(explicit.lockTimeout(), configured.lockTimeout(), Duration.ofSeconds(10));
    lockLease = pick(explicit.lockLease(), configured.lockLease(), Duration.ofSeconds(30));
    cacheNulls = pick(explicit.cacheNulls(), configured.cacheNulls(), true);
    backendFailure = pick(explicit.backendFailure(), configured.backendFailure(), BackendFailure.BYPASS);
    executor = pick(explicit.executor(), configured.executor(), null);
    clock = pick(explicit.clock(), configured.clock(), Clock.system());
    logKeys = pick(explicit.logKeys(), configured.logKeys(), false);
    near = pick(explicit.near(), configured.near(), NearCacheOptions.OFF);
    ResilienceOverrides chosen = pick(explicit.resilience(), ResilienceOverrides.NONE, ResilienceOverrides.NONE)
        .over(pick(configured.resilience(), ResilienceOverrides.NONE, ResilienceOverrides.NONE));
    Duration throttle = pick(explicit.failSafeThrottle(), configured.failSafeThrottle(), Resilience.DEFAULT_THROTTLE);
    resilience = new Resilience(Duration.ZERO, throttle, null, null, 0).with(chosen);
    verifyRoundTrip = pick(explicit.verifyRoundTrip(), configured.verifyRoundTrip(), false);
    backend = backend(explicit, configured);
  }

  /** {@code explicit} choices over {@code configured} ones over the defaults. */
  public static EngineSettings resolve(Choices configured, Choices explicit) {
    return new EngineSettings(explicit, configured);
  }

  /** The JSON-B serialiser unless another was chosen; made only when needed (JSON-B is slow to start). */
  Serialiser serialiserOrDefault() {
    return serialiser != null ? serialiser : new JsonbSerialiser();
  }

  private static Backend backend(Choices explicit, Choices configured) {
    if (explicit.backend() != null) {
      return explicit.backend();
    }
    String name = configured.backendName() != null ? configured.backendName() : "inprocess";
    if ("none".equals(name)) {
      return null;
    }
    Settings source = configured.source() != null ? configured.source() : Settings.of(Map.of());
    return ConfigurationParser.provider(name).create(source);
  }

  private static <T> T pick(T explicit, T configured, T fallback) {
    return explicit != null ? explicit : configured != null ? configured : fallback;
  }
}
