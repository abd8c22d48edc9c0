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
    if (source.get("hermes.backend").isPresent() && !"none".equals(backendName)) {
      // a name given but unknown fails here, naming the key; the backend is made by build(), unless a backend
      // set on the builder wins
      provider(backendName);
    }
    return new Choices(null, backendName, source, ttl, prefix, serialiser, compressor, threshold, lockTimeout,
        lockLease, cacheNulls, backendFailure, null, null, logKeys, NearCacheOptions.parse(source));
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
