package io.hermescache.micrometer;

import io.hermescache.cdi.HermesExtension;
import io.hermescache.test.MeterContractTest;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeAll;

/**
 * The meters in Weld: hermes-micrometer's {@link MeterRegistryBinding} binds them to the application's
 * registry bean, as in a Jakarta EE server or Helidon.
 */
@EnableWeld
class WeldMeterContractTest extends MeterContractTest {

  @WeldSetup
  WeldInitiator weld = WeldInitiator.from(new Weld(UUID.randomUUID().toString()).disableDiscovery()
      .beanClasses(BEANS).addBeanClasses(MeterRegistryBinding.class)
      .addExtension(new HermesExtension())).build();

  @BeforeAll
  static void defaultConfiguration() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    ConfigProviderResolver resolver = ConfigProviderResolver.instance();
    resolver.releaseConfig(ConfigProvider.getConfig(loader));
    resolver.registerConfig(new SmallRyeConfigBuilder().forClassLoader(loader)
        .withSources(new PropertiesConfigSource(Map.of(), "test", 500)).build(), loader);
  }
}
