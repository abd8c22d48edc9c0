package io.hermescache.docs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.CacheStats;
import io.hermescache.Hermes;
import io.hermescache.cdi.HermesExtension;
import io.hermescache.docs.quickstart.Example;
import jakarta.inject.Inject;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** The testing page's in-process check, run in Weld on the default backend. */
@EnableWeld
class ExampleCacheTest {

  @WeldSetup
  WeldInitiator weld = WeldInitiator.from(new Weld().disableDiscovery().beanClasses(Example.class)
      .addExtension(new HermesExtension())).inject(this).build();

  @Inject Example example;
  @Inject Hermes hermes;

  @Test
  void aSecondCallIsServedFromTheCache() {
    example.bar(2, 10);
    example.bar(2, 10);
    CacheStats stats = hermes.stats().of(Example.class.getName() + ".bar");
    assertThat(stats.loads()).isEqualTo(1);
    assertThat(stats.hits()).isEqualTo(1);
  }
}
