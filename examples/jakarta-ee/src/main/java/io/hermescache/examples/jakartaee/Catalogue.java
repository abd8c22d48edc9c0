package io.hermescache.examples.jakartaee;

import io.hermescache.HermesCached;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The product catalogue. The map stands in for a database: reads go through the cache. */
@ApplicationScoped
public class Catalogue {

  private final Map<Long, Product> products = new ConcurrentHashMap<>(Map.of(
      1L, new Product(1, "Kettle", new BigDecimal("39.90")),
      2L, new Product(2, "Teapot", new BigDecimal("24.50"))));

  /** Cached per id; {@code hermes.clean("product:7")} drops product 7, {@code clean("catalogue")} all of them. */
  @HermesCached(tags = {"product:{id}", "catalogue"})
  public Product product(long id) {
    return products.get(id);
  }

  public void save(Product product) {
    products.put(product.id(), product);
  }
}
