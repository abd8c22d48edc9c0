package io.hermescache.spi;

import io.hermescache.HermesConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration a {@link BackendProvider} builds its backend from: MicroProfile Config under CDI,
 * Quarkus' config under Quarkus, a map in plain Java. Keys are full names such as {@code hermes.redis.uri}.
 * Typed getters throw {@link HermesConfigurationException} naming the key and the bad value.
 */
@FunctionalInterface
public interface Settings {

  /** The raw value of {@code key}, if set. */
  Optional<String> get(String key);

  /** Settings backed by a map. */
  static Settings of(Map<String, String> values) {
    return key -> Optional.ofNullable(values.get(key));
  }

  default String get(String key, String defaultValue) {
    return get(key).orElse(defaultValue);
  }

  default int getInt(String key, int defaultValue) {
    Optional<String> raw = get(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(raw.get().trim());
    } catch (NumberFormatException e) {
      throw HermesConfigurationException.badValue(key, raw.get(), "not a whole number");
    }
  }

  /** {@code true} or {@code false}, nothing else. */
  default boolean getBoolean(String key, boolean defaultValue) {
    Optional<String> raw = get(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    switch (raw.get().trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw HermesConfigurationException.badValue(key, raw.get(), "must be true or false");
    }
  }

  /** A duration given as ISO-8601 ({@code PT10S}) or as whole seconds ({@code 10}). */
  default Duration getDuration(String key, Duration defaultValue) {
    Optional<String> raw = get(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    String text = raw.get().trim();
    Duration duration;
    try {
      duration = text.matches("-?\\d+") ? Duration.ofSeconds(Long.parseLong(text)) : Duration.parse(text);
    } catch (NumberFormatException | DateTimeParseException e) {
      throw HermesConfigurationException.badValue(key, text, "not a duration (use seconds, e.g. 10, or ISO-8601, e.g. PT10S)");
    }
    if (duration.isNegative()) {
      throw HermesConfigurationException.badValue(key, text, "must not be negative");
    }
    return duration;
  }
}
