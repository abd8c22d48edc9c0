package io.hermescache.examples.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.CacheStats;
import io.hermescache.HermesStats;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service started by Helidon on a random port, called over HTTP. */
@HelidonTest
class CatalogueTest {

  private static final String PRODUCT = Catalogue.class.getName() + ".product";

  @Inject
  WebTarget target;

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

  private Product product(long id) {
    return target.path("products/" + id).request().get(Product.class);
  }

  private CacheStats productStats() {
    return target.path("cache/stats").request().get(HermesStats.class).of(PRODUCT);
  }
}
