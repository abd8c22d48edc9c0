package io.hermescache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.BackendFailure;
import io.hermescache.Hermes;
import io.hermescache.HermesCached;
import io.hermescache.cdi.interceptors.ConfiguredSettings;
import io.hermescache.quarkus.runtime.HermesConfig;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** hermes.* keys from application.properties reach the engine and its backend. */
class ConfigurationTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Lookup.class).addAsResource(new StringAsset(String.join("\n",
          "hermes.prefix=orders",
          "hermes.cache-nulls=false",
          "hermes.inprocess.max-entries=500",
          // Quarkus' own duration forms
          "hermes.ttl=10m",
          "hermes.lock.timeout=1500ms",
          // a backend key this mapping does not list still reaches the backend, and starts nothing
          "hermes.redis.pool.max-total=4")), "application.properties"));

  @Inject
  Lookup lookup;

  @Inject
  Hermes hermes;

  @Inject
  HermesConfig config;

  @Inject
  ConfiguredSettings settings;

  @Test
  void theMappingShowsTheConfiguredValues() {
    assertThat(config.prefix()).isEqualTo("orders");
    assertThat(config.inprocess().maxEntries()).isEqualTo(500);
    assertThat(config.ttl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.lock().lease()).as("default").isEqualTo(Duration.ofSeconds(30));
    assertThat(config.backendFailure()).as("default").isEqualTo(BackendFailure.BYPASS);
  }

  @Test
  void quarkusDurationFormsReachTheEngineAsIso8601() {
    assertThat(settings.get("hermes.ttl")).contains("PT10M");
    assertThat(settings.get("hermes.lock.timeout")).contains("PT1.5S");
    assertThat(settings.get("hermes.prefix")).as("other keys as written").contains("orders");
  }

  @Test
  void keysCarryTheConfiguredPrefix() {
    hermes.cached("probe:1", String.class, () -> "value");
    assertThat(hermes.backend().getAll(List.of("orders:entry:probe:1")).get(0)).isNotNull();
  }

  @Test
  void nullsAreNotCachedWhenSoConfigured() {
    lookup.find("nobody");
    lookup.find("nobody");
    assertThat(lookup.runs()).isEqualTo(2);
  }

  @ApplicationScoped
  public static class Lookup {

    private final AtomicInteger runs = new AtomicInteger();

    @HermesCached
    public String find(String name) {
      runs.incrementAndGet();
      return null;
    }

    public int runs() {
      return runs.get();
    }
  }
}
