package io.hermescache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.hermescache.Hermes;
import io.hermescache.HermesCached;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Payload;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With quarkus-smallrye-health and quarkus-micrometer present: a readiness check and the statistics as meters. */
class HealthAndMetricsTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Squares.class));

  @Inject
  Squares squares;

  @Inject
  Hermes hermes;

  @Inject
  MeterRegistry registry;

  @Test
  void readyWhileTheBackendAnswersDownWhenItFails() {
    RestAssured.when().get("/q/health/ready").then().statusCode(200)
        .body("checks.name", hasItem("Hermes cache backend"));
    Backend working = hermes.backend(new FailingBackend());
    try {
      RestAssured.when().get("/q/health/ready").then().statusCode(503)
          .body("checks.find { it.name == 'Hermes cache backend' }.status", is("DOWN"));
    } finally {
      hermes.backend(working);
    }
  }

  @Test
  void statisticsArePublishedPerMethodAndInTotal() {
    String method = Squares.class.getName() + ".square";
    double hitsBefore = registry.get("hermes.method.hits").tag("method", method).functionCounter().count();
    squares.square(12);
    squares.square(12);
    squares.square(12);
    assertThat(registry.get("hermes.method.hits").tag("method", method).functionCounter().count())
        .isGreaterThanOrEqualTo(hitsBefore + 2);
    assertThat(registry.get("hermes.method.loads").tag("method", method).functionCounter().count()).isGreaterThanOrEqualTo(1);
    assertThat(registry.get("hermes.hits").functionCounter().count()).isGreaterThanOrEqualTo(2);
  }

  @ApplicationScoped
  public static class Squares {

    @HermesCached
    public long square(long x) {
      return x * x;
    }
  }

  /** A backend whose every call fails, as an unreachable server's would. */
  static final class FailingBackend implements Backend {

    @Override
    public List<Payload> getAll(List<String> keys) {
      throw new IllegalStateException("connection refused (test)");
    }

    @Override
    public void set(String key, Payload value, Duration ttl) {
      throw new IllegalStateException("connection refused (test)");
    }

    @Override
    public boolean add(String key, Payload value, Duration ttl) {
      throw new IllegalStateException("connection refused (test)");
    }

    @Override
    public void delete(String... keys) {
      throw new IllegalStateException("connection refused (test)");
    }

    @Override
    public void unlock(String lockKey, String token) {
      throw new IllegalStateException("connection refused (test)");
    }

    @Override
    public boolean setIfLocked(String lockKey, String token, String key, Payload value, Duration ttl) {
      throw new IllegalStateException("connection refused (test)");
    }
  }
}
