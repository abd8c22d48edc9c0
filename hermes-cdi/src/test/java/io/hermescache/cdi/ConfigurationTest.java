package io.hermescache.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.HermesCached;
import io.hermescache.inprocess.InProcessBackend;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code hermes.*} keys of MicroProfile Config reach the engine behind the interceptors. */
class ConfigurationTest {

  @AfterEach
  void defaults() {
    TestConfig.useDefaults();
  }

  @Test
  void entriesExpireAfterTheConfiguredOrAnnotatedTtl() throws InterruptedException {
    try (WeldContainer container = Containers.boot(Map.of("hermes.ttl", "1"), Clock.class)) {
      Clock clock = container.select(Clock.class).get();
      clock.configured();
      clock.annotated();
      clock.lasting();

      Thread.sleep(1_200);
      clock.configured();
      clock.annotated();
      clock.lasting();

      assertThat(clock.runs()).containsExactly("configured", "annotated", "lasting", "configured", "annotated");
    }
  }

  @Test
  void nullsAreRecomputedWhenCacheNullsIsOff() {
    try (WeldContainer container = Containers.boot(Map.of("hermes.cache-nulls", "false"), Clock.class)) {
      Clock clock = container.select(Clock.class).get();
      clock.nothing();
      clock.nothing();

      assertThat(clock.runs()).containsExactly("nothing", "nothing");
    }
  }

  @Test
  void thePrefixStartsEveryKey() {
    try (WeldContainer container = Containers.boot(Map.of("hermes.prefix", "shop"), Clock.class)) {
      container.select(Clock.class).get().lasting();

      InProcessBackend backend = (InProcessBackend) container.select(Hermes.class).get().backend();
      assertThat(backend.snapshot().keySet()).isNotEmpty().allMatch(key -> key.startsWith("shop:"))
          .anyMatch(key -> key.startsWith("shop:entry:" + Clock.class.getName() + ":lasting:"));
    }
  }

  @Test
  void backendNoneRunsEveryCall() {
    try (WeldContainer container = Containers.boot(Map.of("hermes.backend", "none"), Clock.class)) {
      Clock clock = container.select(Clock.class).get();
      clock.lasting();
      clock.lasting();

      assertThat(clock.runs()).containsExactly("lasting", "lasting");
    }
  }

  @ApplicationScoped
  static class Clock {

    private final List<String> runs = new CopyOnWriteArrayList<>();

    public List<String> runs() {
      return runs;
    }

    @HermesCached
    public String configured() {
      runs.add("configured");
      return "configured";
    }

    @HermesCached(ttl = 1)
    public String annotated() {
      runs.add("annotated");
      return "annotated";
    }

    @HermesCached(ttl = 60)
    public String lasting() {
      runs.add("lasting");
      return "lasting";
    }

    @HermesCached
    public String nothing() {
      runs.add("nothing");
      return null;
    }
  }
}
