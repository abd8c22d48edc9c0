package io.hermescache.examples.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.CacheStats;
import io.hermescache.Hermes;
import io.hermescache.HermesStats;
import io.hermescache.test.DownBackend;
import io.hermescache.test.PrometheusText;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tests of the service started by Helidon on a random port, called over HTTP: {@link CatalogueTest} on the
 * backend of its own configuration (in-process), {@link CatalogueOnRedisTest} configured for Redis.
 */
abstract class CatalogueTests {

  private static final String PRODUCT = Catalogue.class.getName() + ".product";

  @Inject
  WebTarget target;

  /** Only to take the backend away in the readiness test: everything else goes over HTTP. */
  @Inject
  Hermes hermes;

  @BeforeEach
  void cleanEverything() {
    assertThat(target.path("cache").request().delete().getStatus()).isEqualTo(204);
  }

  @Test
  void repeatedReadsAreServedFromTheCache() {
    CacheStats before = productStats();

    Product first = product(1);
    Product second = product(1);

    assertThat(second).isEqualTo(first);
    CacheStats after = productStats();
    assertThat(after.loads() - before.loads()).as("loads").isEqualTo(1);
    assertThat(after.hits() - before.hits()).as("hits").isEqualTo(1);
  }

  @Test
  void updateInvalidatesThatProductOnly() {
    product(1);
    product(2);
    long loads = productStats().loads();

    BigDecimal newPrice = new BigDecimal("31.15");
    int status = target.path("products/1").request().put(Entity.json(new Product(1, "Kettle", newPrice))).getStatus();

    assertThat(status).isEqualTo(204);
    assertThat(product(1).price()).isEqualByComparingTo(newPrice);
    assertThat(productStats().loads() - loads).as("product 1 computed again").isEqualTo(1);
    product(2);
    assertThat(productStats().loads() - loads).as("product 2 still cached").isEqualTo(1);
  }

  @Test
  void cleaningATagRecomputesEveryEntryUnderIt() {
    product(1);
    product(2);
    long loads = productStats().loads();

    assertThat(target.path("cache/tags/catalogue").request().delete().getStatus()).isEqualTo(204);
    product(1);
    product(2);

    assertThat(productStats().loads() - loads).isEqualTo(2);
  }

  @Test
  void cleaningEverythingRecomputes() {
    product(1);
    long loads = productStats().loads();

    assertThat(target.path("cache").request().delete().getStatus()).isEqualTo(204);
    product(1);

    assertThat(productStats().loads() - loads).isEqualTo(1);
  }

  @Test
  void configurationComesFromMicroprofileConfigProperties() {
    long loads = productStats().loads();

    // hermes.cache-nulls=false in META-INF/microprofile-config.properties: an unknown id is never cached
    assertThat(target.path("products/404").request().get().getStatus()).isEqualTo(404);
    assertThat(target.path("products/404").request().get().getStatus()).isEqualTo(404);

    assertThat(productStats().loads() - loads).isEqualTo(2);
  }

  @Test
  void theMicrometerCacheMetersCountTheCalls() {
    CacheStats before = productStats();
    product(1);
    product(1);
    product(2);
    CacheStats stats = productStats();
    assertThat(stats.puts() - before.puts()).as("products 1 and 2 stored").isEqualTo(2);

    String metrics = metrics();

    PrometheusText.assertShows(metrics, PRODUCT, stats);
  }

  @Test
  void readinessReportsTheBackendAndStaysUpInBypassMode() {
    assertThat(hermesCheck().getString("status")).isEqualTo("UP");
    assertThat(hermesCheck().getJsonObject("data").getBoolean("reachable")).isTrue();

    DownBackend.during(hermes, () -> {
      JsonObject check = hermesCheck();
      assertThat(check.getString("status")).as("the service still answers, without its cache").isEqualTo("UP");
      assertThat(check.getJsonObject("data").getBoolean("reachable")).isFalse();
      assertThat(product(1).name()).isEqualTo("Kettle");
    });
  }

  /** The {@code hermes} check of {@code /health/ready}, which answered 200 (ready). */
  private JsonObject hermesCheck() {
    Response response = target.path("health/ready").request(MediaType.APPLICATION_JSON).get();
    assertThat(response.getStatus()).isEqualTo(200);
    return response.readEntity(JsonObject.class).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(check -> check.getString("name").equals("hermes")).findFirst().orElseThrow();
  }

  /** The meters in Prometheus' format; read twice, as the meters of a method first called are bound at a read. */
  private String metrics() {
    target.path("micrometer").request(MediaType.TEXT_PLAIN).get(String.class);
    return target.path("micrometer").request(MediaType.TEXT_PLAIN).get(String.class);
  }

  Product product(long id) {
    return target.path("products/" + id).request().get(Product.class);
  }

  private CacheStats productStats() {
    return target.path("cache/stats").request().get(HermesStats.class).of(PRODUCT);
  }
}
