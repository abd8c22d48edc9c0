package io.hermescache.internal;

import io.hermescache.BackendFailure;
import io.hermescache.HermesConfigurationException;
import io.hermescache.spi.BackendProvider;
import io.hermescache.spi.Compressor;
import io.hermescache.spi.Serialiser;
import io.hermescache.spi.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Reads the {@code hermes.*} keys of a configuration into {@link Choices}, naming key and value when bad. */
final class ConfigurationParser {

  private ConfigurationParser() {}

  static Choices parse(Settings source) {
    Duration ttl = positiveDuration(source, "hermes.ttl");
    String prefix = source.get("hermes.prefix").map(value -> HermesEngine.Options.prefix("hermes.prefix", value))
        .orElse(null);
    Serialiser serialiser = source.get("hermes.serialiser").map(String::trim).map(name -> switch (name) {
      case "jsonb" -> new JsonbSerialiser();
      case "java" -> new JavaSerialiser(source.get(JavaSerialiser.ALLOW_KEY).orElse(null));
      default -> instantiate("hermes.serialiser", name, Serialiser.class);
    }).orElse(null);
    Optional<Compressor> compressor = source.get("hermes.compression").map(String::trim)
        .map(name -> switch (name) {
          case "deflate" -> Optional.<Compressor>of(new DeflateCompressor());
          case "none" -> Optional.<Compressor>empty();
          default -> Optional.of(instantiate("hermes.compression", name, Compressor.class));
        }).orElse(null);
    Integer threshold = null;
    if (source.get("hermes.compression.threshold").isPresent()) {
      threshold = source.getInt("hermes.compression.threshold", 0);
      if (threshold < 0) {
        throw HermesConfigurationException.badValue("hermes.compression.threshold", String.valueOf(threshold),
            "must not be negative");
      }
    }
    Duration lockTimeout = positiveDuration(source, "hermes.lock.timeout");
    Duration lockLease = positiveDuration(source, "hermes.lock.lease");
    Boolean cacheNulls = source.get("hermes.cache-nulls").isPresent() ? source.getBoolean("hermes.cache-nulls", true)
        : null;
    Boolean logKeys = source.get("hermes.log.keys").isPresent() ? source.getBoolean("hermes.log.keys", false) : null;
    BackendFailure backendFailure = source.get("hermes.backend-failure").map(value -> {
      try {
        return BackendFailure.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw HermesConfigurationException.badValue("hermes.backend-failure", value, "must be bypass or propagate");
      }
    }).orElse(null);
    String backendName = source.get("hermes.backend", "inprocess").trim();
    if (!"none".equals(backendName)) {
      provider(backendName); // an unknown name fails here, naming the key; the backend is made by build()
    }
    Boolean verifyRoundTrip = source.get("hermes.verify-round-trip").isPresent()
        ? source.getBoolean("hermes.verify-round-trip", false) : null;
    return new Choices(null, backendName, source, ttl, prefix, serialiser, compressor, threshold, lockTimeout,
        lockLease, cacheNulls, backendFailure, null, null, logKeys, resilience(source),
        positiveDuration(source, "hermes.fail-safe.throttle"), verifyRoundTrip);
  }

  /** The resilience defaults; {@code none} (or nothing) for a timeout means no timeout. */
  private static ResilienceOverrides resilience(Settings source) {
    Duration staleFor = source.getDuration("hermes.fail-safe.max-stale", null);
    Duration soft = timeout(source, "hermes.timeout.soft");
    Duration hard = timeout(source, "hermes.timeout.hard");
    Double refreshAhead = source.get("hermes.refresh-ahead").map(text -> {
      try {
        return ResilienceOverrides.refreshAhead("hermes.refresh-ahead", Double.parseDouble(text.trim()));
      } catch (NumberFormatException e) {
        throw HermesConfigurationException.badValue("hermes.refresh-ahead", text, "not a number (e.g. 0.8)");
      }
    }).orElse(null);
    return new ResilienceOverrides(staleFor, soft, hard, refreshAhead);
  }

  private static Duration timeout(Settings source, String key) {
    if (source.get(key).map(value -> value.isBlank() || value.trim().equalsIgnoreCase("none")).orElse(true)) {
      return null;
    }
    return positiveDuration(source, key);
  }

  /** The provider of backend {@code name} on the class path. */
  static BackendProvider provider(String name) {
    List<BackendProvider> providers = ServiceLoader.load(BackendProvider.class, HermesEngine.class.getClassLoader())
        .stream().map(ServiceLoader.Provider::get).collect(Collectors.toList());
    return providers.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() ->
        HermesConfigurationException.badValue("hermes.backend", name, "no such backend on the class path (found: "
            + providers.stream().map(BackendProvider::name).sorted().collect(Collectors.joining(", "))
            + ", none); add its module, e.g. io.hermescache:hermes-backend-" + name));
  }

  private static Duration positiveDuration(Settings source, String key) {
    if (source.get(key).isEmpty()) {
      return null;
    }
    Duration value = source.getDuration(key, Duration.ZERO);
    if (value.isZero()) {
      throw HermesConfigurationException.badValue(key, source.get(key).orElse("0"), "must be positive");
    }
    return value;
  }

  private static <T> T instantiate(String key, String className, Class<T> type) {
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      Class<?> found = Class.forName(className, true, loader != null ? loader : HermesEngine.class.getClassLoader());
      if (!type.isAssignableFrom(found)) {
        throw HermesConfigurationException.badValue(key, className, "does not implement " + type.getName());
      }
      return type.cast(found.getConstructor().newInstance());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw HermesConfigurationException.badValue(key, className, "cannot be created with a public no-argument"
          + " constructor (" + e + ")");
    }
  }
}
