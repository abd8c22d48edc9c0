package io.hermescache.inprocess;

import io.hermescache.HermesConfigurationException;
import io.hermescache.spi.Backend;
import io.hermescache.spi.BackendProvider;
import io.hermescache.spi.Settings;

/**
 * {@code hermes.backend=inprocess}: {@code hermes.inprocess.max-entries} (default 10000) and
 * {@code hermes.inprocess.copy-on-read} (default false).
 */
public final class InProcessBackendProvider implements BackendProvider {

  @Override
  public String name() {
    return "inprocess";
  }

  @Override
  public Backend create(Settings settings) {
    int maxEntries = settings.getInt("hermes.inprocess.max-entries", 10_000);
    if (maxEntries <= 0) {
      throw HermesConfigurationException.badValue("hermes.inprocess.max-entries", String.valueOf(maxEntries),
          "must be positive");
    }
    return new InProcessBackend(maxEntries, settings.getBoolean("hermes.inprocess.copy-on-read", false));
  }
}
