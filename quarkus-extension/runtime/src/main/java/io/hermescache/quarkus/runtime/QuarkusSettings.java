package io.hermescache.quarkus.runtime;

import io.hermescache.cdi.interceptors.ConfiguredSettings;
import io.quarkus.runtime.configuration.DurationConverter;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code hermes.*} values as Quarkus users write them: a duration key may take Quarkus' short forms
 * ({@code 10m}, {@code 500ms}), which the engine, reading seconds or ISO-8601, is handed in ISO-8601.
 * {@link HermesConfig} has already checked them at start-up. Not part of the API.
 */
@Alternative
@Priority(1)
@Dependent
public class QuarkusSettings extends ConfiguredSettings {

  /** The keys {@link HermesConfig} types as {@code Duration}. */
  static final Set<String> DURATIONS = Set.of("hermes.ttl", "hermes.lock.timeout", "hermes.lock.lease",
      "hermes.redis.timeout", "hermes.memcached.timeout");

  /** What the engine reads as it is: whole seconds or ISO-8601. */
  private static final Pattern ENGINE_FORM = Pattern.compile("\\s*(-?\\d+|[-+]?[Pp].*)\\s*");

  @Override
  public Optional<String> get(String key) {
    Optional<String> value = super.get(key);
    if (DURATIONS.contains(key) && value.isPresent() && !ENGINE_FORM.matcher(value.get()).matches()) {
      return Optional.of(DurationConverter.parseDuration(value.get().trim()).toString());
    }
    return value;
  }
}
