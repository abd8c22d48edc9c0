package io.hermescache.examples.jakartaee;

import io.hermescache.HermesCached;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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

  /**
   * The same product, for callers that do not block: the completed value is cached, never the future, and
   * Hermes does its backend I/O on the server's {@code ManagedExecutorService}.
   */
  @HermesCached(tags = {"product:{id}", "catalogue"})
  public CompletionStage<Product> productAsync(long id) {
    return CompletableFuture.supplyAsync(() -> products.get(id));
  }

  public void save(Product product) {
    products.put(product.id(), product);
  }
}
