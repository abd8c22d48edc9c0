package io.hermescache.cdi;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * Gives the tests a SmallRye Config of their own, holding exactly the given keys: neither system
 * properties nor environment variables nor another test's settings leak in.
 */
final class TestConfig {

  private TestConfig() {}

  /** From now on {@code ConfigProvider.getConfig()} (for this thread's class loader) holds just {@code values}. */
  static void use(Map<String, String> values) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    ConfigProviderResolver resolver = ConfigProviderResolver.instance();
    resolver.releaseConfig(ConfigProvider.getConfig(loader));
    resolver.registerConfig(new SmallRyeConfigBuilder().forClassLoader(loader)
        .withSources(new PropertiesConfigSource(values, "test", 500)).build(), loader);
  }

  /** Only the defaults. */
  static void useDefaults() {
    use(Map.of());
  }
}
