package io.hermescache.memcached;

import io.hermescache.spi.Backend;
import io.hermescache.spi.BackendProvider;
import io.hermescache.spi.Settings;

/**
 * {@code hermes.backend=memcached}, configured by:
 * <ul>
 *   <li>{@code hermes.memcached.servers}: {@code host:port} items separated by commas, default
 *       {@code localhost:11211}; keys are spread over them by consistent hashing (ketama);</li>
 *   <li>{@code hermes.memcached.timeout}: how long one operation may take, default {@code PT1S};</li>
 *   <li>{@code hermes.memcached.username} and {@code hermes.memcached.password}: SASL PLAIN credentials,
 *       both or neither.</li>
 * </ul>
 * The backend connects on its first operation, not here.
 */
public final class MemcachedBackendProvider implements BackendProvider {

  @Override
  public String name() {
    return "memcached";
  }

  @Override
  public Backend create(Settings settings) {
    return new MemcachedBackend(MemcachedSettings.from(settings));
  }
}
