package io.hermescache.benchmarks;

import io.hermescache.inprocess.InProcessBackend;
import io.hermescache.spi.Backend;
import io.hermescache.spi.BackendProvider;
import io.hermescache.spi.Settings;
import java.util.ServiceLoader;

/** Backends for benchmarks, configured like an application: from {@code hermes.*} system properties. */
final class Backends {

  private Backends() {}

  static Backend named(String name) {
    if (name.equals("inprocess")) {
      return new InProcessBackend(2_000_000);
    }
    Settings settings = key -> java.util.Optional.ofNullable(System.getProperty(key));
    return ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::get)
        .filter(provider -> provider.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No backend named " + name))
        .create(settings);
  }
}
