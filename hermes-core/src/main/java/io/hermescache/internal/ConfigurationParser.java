package io.hermescache.internal;

import io.hermescache.BackendFailure;
import io.hermescache.HermesConfigurationException;
import io.hermescache.spi.BackendProvider;
import io.hermescache.spi.Compressor;
import io.hermescache.spi.Serialiser;
import io.hermescache.spi.Settings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Reads the {@code hermes.*} keys of a configuration into {@link Choices}, naming key and value when bad. */
final class ConfigurationParser {

  private static final String MAX_INFLATED = "hermes.compression.max-inflated";

  private ConfigurationParser() {}

  static Choices parse(Settings source) {
    Duration ttl = positiveDuration(source, "hermes.ttl");
    String prefix = source.get("hermes.prefix").map(value -> SettingChecks.prefix("hermes.prefix", value))
        .orElse(null);
    Serialiser serialiser = source.get("hermes.serialiser").map(String::trim).map(name -> switch (name) {
      case "jsonb" -> new JsonbSerialiser();
      case "java" -> new JavaSerialiser(source.get(JavaSerialiser.ALLOW_KEY).orElse(null));
      default -> instantiate("hermes.serialiser", name, Serialiser.class);
    }).orElse(null);
    long maxInflated = maxInflated(source);
    Optional<Compressor> compressor = source.get("hermes.compression").map(String::trim)
        .map(name -> switch (name) {
          case "deflate" -> Optional.<Compressor>of(new DeflateCompressor(maxInflated));
          case "none" -> Optional.<Compressor>empty();
          default -> Optional.of(instantiate("hermes.compression", name, Compressor.class));
        }).orElse(source.get(MAX_INFLATED).isPresent() ? Optional.of(new DeflateCompressor(maxInflated)) : null);
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
    if (source.get("hermes.backend").isPresent() && !"none".equals(backendName)) {
      // a name given but unknown fails here, naming the key; the backend is made by build(), unless a backend
      // set on the builder wins
      provider(backendName);
    }
    Boolean verifyRoundTrip = source.get("hermes.verify-round-trip").isPresent()
        ? source.getBoolean("hermes.verify-round-trip", false) : null;
    return new Choices(null, backendName, source, ttl, prefix, serialiser, compressor, threshold, lockTimeout,
        lockLease, cacheNulls, backendFailure, null, null, logKeys, NearCacheOptions.parse(source),
        resilience(source),
        positiveDuration(source, "hermes.fail-safe.throttle"), verifyRoundTrip);
  }

  /** {@code hermes.compression.max-inflated}: where inflating a payload stops (a deflate bomb is a miss). */
  private static long maxInflated(Settings source) {
    String text = source.get(MAX_INFLATED).map(String::trim).orElse(null);
    if (text == null) {
      return DeflateCompressor.DEFAULT_MAX_INFLATED_BYTES;
    }
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw HermesConfigurationException.badValue(MAX_INFLATED, text, "not a whole number of bytes");
    }
    if (value < 1 || value > Integer.MAX_VALUE - 8) {
      throw HermesConfigurationException.badValue(MAX_INFLATED, String.valueOf(value),
          "must be between 1 and " + (Integer.MAX_VALUE - 8) + " bytes");
    }
    return value;
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

  /**
   * The backend providers visible to the application and to Hermes: the context class loader's first (in
   * Quarkus' test and dev modes the application's modules sit in a class loader below Hermes' own), then
   * Hermes' own, each name once.
   */
  private static List<BackendProvider> providers() {
    Map<String, BackendProvider> byName = new LinkedHashMap<>();
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    for (ClassLoader loader : new ClassLoader[] {context, HermesEngine.class.getClassLoader()}) {
      if (loader != null) {
        ServiceLoader.load(BackendProvider.class, loader).stream().map(ServiceLoader.Provider::get)
            .forEach(provider -> byName.putIfAbsent(provider.name(), provider));
      }
    }
    return List.copyOf(byName.values());
  }

  /** The provider of backend {@code name} on the class path. */
  static BackendProvider provider(String name) {
    List<BackendProvider> providers = providers();
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
