package io.hermescache.cdi.interceptors;

import io.hermescache.spi.Settings;
import jakarta.enterprise.context.Dependent;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The {@code hermes.*} values the engine is built from: MicroProfile Config's, as written. Quarkus replaces
 * this bean with an {@code @Alternative} that also accepts its own duration forms ({@code 10m}). Not part of
 * the API.
 */
@Dependent
public class ConfiguredSettings implements Settings {

  @Override
  public Optional<String> get(String key) {
    return ConfigProvider.getConfig().getOptionalValue(key, String.class);
  }
}
