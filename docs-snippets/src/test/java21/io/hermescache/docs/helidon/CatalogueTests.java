package io.hermescache.docs.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.CacheStats;
import io.hermescache.HermesStats;
import io.hermescache.docs.jakartaee.Catalogue;
import io.hermescache.docs.model.Product;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

// helidon.md: the example's tests, shared by its in-process and Redis runs
/** The tests of the service, run by CatalogueTest (in-process) and CatalogueOnRedisTest. */
abstract class CatalogueTests {

  @Inject
  WebTarget target;   // a JAX-RS client aimed at the server Helidon started on a random port

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

  Product product(long id) {
    return target.path("products/" + id).request().get(Product.class);
  }

  private CacheStats productStats() {
    return target.path("cache/stats").request().get(HermesStats.class).of(Catalogue.class.getName() + ".product");
  }
}

@HelidonTest
class CatalogueTest extends CatalogueTests {}
