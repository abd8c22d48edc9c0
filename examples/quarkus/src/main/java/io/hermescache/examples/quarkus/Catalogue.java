package io.hermescache.examples.quarkus;

import io.hermescache.HermesCached;
import io.hermescache.HermesInvalidate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The products, behind a slow "database" (a map and a pause). Each product is cached under its own tag,
 * lists under {@code product-lists}, and everything under {@code catalogue}: a price change drops exactly
 * that product and the lists; {@code hermes.clean("catalogue")} drops it all.
 */
@ApplicationScoped
public class Catalogue {

  private final Map<Long, Product> table = new ConcurrentHashMap<>(Map.of(
      1L, new Product(1, "kettle", 29.90),
      2L, new Product(2, "teapot", 19.50),
      3L, new Product(3, "mug", 6.00)));
  private final AtomicInteger queries = new AtomicInteger();

  @HermesCached(tags = {"catalogue", "product:{id}"}, ttl = 600)
  public Product find(long id) {
    Product product = query(() -> table.get(id));
    if (product == null) {
      throw new NotFoundException("no product " + id); // exceptions are never cached
    }
    return product;
  }

  @HermesCached(tags = {"catalogue", "product-lists"}, ttl = 600)
  public List<Product> all() {
    return query(() -> table.values().stream().sorted(Comparator.comparingLong(Product::id)).toList());
  }

  /** Changes a price; once it returns, the product's entry and every list are stale. */
  @HermesInvalidate(tags = {"product:{id}", "product-lists"})
  public Product reprice(long id, double price) {
    return table.computeIfPresent(id, (key, product) -> new Product(id, product.name(), price));
  }

  /** How many times the "database" was queried: what the cache saves. */
  public int queries() {
    return queries.get();
  }

  private <T> T query(java.util.function.Supplier<T> statement) {
    queries.incrementAndGet();
    try {
      Thread.sleep(50); // a round trip to a real database
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return statement.get();
  }
}
