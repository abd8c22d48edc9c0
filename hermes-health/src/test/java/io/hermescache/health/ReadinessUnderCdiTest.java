package io.hermescache.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.cdi.HermesExtension;
import io.hermescache.test.DownBackend;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The check is a {@code @Readiness} bean checking the application's Hermes, configured from MicroProfile Config. */
class ReadinessUnderCdiTest {

  @AfterEach
  void defaultConfig() {
    useConfig(Map.of());
  }

  @Test
  void aReadinessBeanChecksTheApplicationsHermes() {
    useConfig(Map.of("hermes.prefix", "shop", "hermes.health.readiness", "true"));
    try (WeldContainer container = boot()) {
      HealthCheck check = container.select(HealthCheck.class, Readiness.Literal.INSTANCE).get();

      HealthCheckResponse response = check.call();

      assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
      assertThat(response.getData().orElseThrow()).containsEntry("reachable", true);
    }
  }

  @Test
  void inBypassModeAnUnreachableBackendLeavesTheApplicationReadyAndTheDataSaySo() {
    useConfig(Map.of());
    try (WeldContainer container = boot()) {
      HealthCheck check = container.select(HealthCheck.class, Readiness.Literal.INSTANCE).get();
      DownBackend.during(container.select(Hermes.class).get(), () -> {
        HealthCheckResponse response = check.call();
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("reachable", false);
      });
    }
  }

  @Test
  void inPropagateModeAnUnreachableBackendMakesTheApplicationNotReady() {
    useConfig(Map.of("hermes.backend-failure", "propagate"));
    try (WeldContainer container = boot()) {
      HealthCheck check = container.select(HealthCheck.class, Readiness.Literal.INSTANCE).get();
      assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
      DownBackend.during(container.select(Hermes.class).get(), () ->
          assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN));
    }
  }

  private static WeldContainer boot() {
    return new Weld(UUID.randomUUID().toString()).disableDiscovery()
        .beanClasses(HermesReadinessCheck.class).addExtension(new HermesExtension()).initialize();
  }

  private static void useConfig(Map<String, String> values) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    ConfigProviderResolver resolver = ConfigProviderResolver.instance();
    resolver.releaseConfig(ConfigProvider.getConfig(loader));
    resolver.registerConfig(new SmallRyeConfigBuilder().forClassLoader(loader)
        .withSources(new PropertiesConfigSource(values, "test", 500)).build(), loader);
  }
}
