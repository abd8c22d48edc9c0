package io.hermescache.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.HermesCached;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

/**
 * The meters every integration publishes for {@code @HermesCached} methods, with the same names and values
 * in each container (Weld, Quarkus, Helidon...): a subclass deploys {@link #BEANS} and hermes-micrometer's
 * binding, and lets the container inject the fields.
 */
public abstract class MeterContractTest {

  /** The bean classes a subclass deploys: a cached bean, and the application's registry. */
  public static final Class<?>[] BEANS = {Metered.class, Registry.class};

  private static final String SQUARE = Metered.class.getName() + ".square";
  private static final String BROKEN = Metered.class.getName() + ".broken";

  @Inject
  protected Metered metered;

  @Inject
  protected MeterRegistry registry;

  @Test
  void aCachedMethodHasMicrometersCacheMetersTaggedWithItsName() {
    assertThat(metered.square(7)).isEqualTo(49);
    assertThat(metered.square(7)).isEqualTo(49);
    assertThatThrownBy(() -> metered.broken(1)).isInstanceOf(IllegalStateException.class);
    // a scrape reads the gauge first, which binds methods first called after start-up
    assertThat(registry.get("hermes.caches").gauge().value()).isGreaterThanOrEqualTo(2);

    assertThat(count("cache.gets", SQUARE, "hit")).isEqualTo(1);
    assertThat(count("cache.gets", SQUARE, "miss")).isEqualTo(1);
    assertThat(count("cache.load", SQUARE, "success")).isEqualTo(1);
    assertThat(count("cache.load", SQUARE, "failure")).isZero();
    assertThat(count("cache.load", BROKEN, "failure")).isEqualTo(1);
    assertThat(registry.get("cache.puts").tag("cache", SQUARE).functionCounter().count()).isEqualTo(1);
    assertThat(registry.get("cache.puts").tag("cache", BROKEN).functionCounter().count()).isZero();
    FunctionTimer loads = registry.get("cache.load.duration").tag("cache", SQUARE).functionTimer();
    assertThat(loads.count()).isEqualTo(1);
    assertThat(registry.get("hermes.lock.waits").tag("cache", SQUARE).functionCounter().count()).isZero();
    assertThat(registry.get("hermes.errors").tag("cache", SQUARE).functionCounter().count()).isZero();
  }

  private double count(String meter, String cache, String result) {
    return registry.get(meter).tags("cache", cache, "result", result).functionCounter().count();
  }

  /** The application's registry, as an application has one (Quarkus adds it to its composite). */
  @ApplicationScoped
  public static class Registry {

    @Produces
    @Singleton
    public SimpleMeterRegistry registry() {
      return new SimpleMeterRegistry();
    }
  }

  @ApplicationScoped
  public static class Metered {

    @HermesCached
    public long square(long x) {
      return x * x;
    }

    @HermesCached
    public long broken(long x) {
      throw new IllegalStateException("broken on purpose");
    }
  }
}
