package io.hermescache.docs.quarkuscache.before;

import io.hermescache.docs.model.Product;
import io.hermescache.docs.model.ProductRepository;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

@ApplicationScoped
public class Catalogue {

  @Inject ProductRepository repository;

  @CacheResult(cacheName = "products")
  public Product product(long id) { return repository.find(id); }

  @CacheInvalidate(cacheName = "products")
  public void save(@CacheKey long id, Product product) { repository.save(product); }

  @CacheInvalidateAll(cacheName = "products")
  public void importAll(List<Product> products) { repository.saveAll(products); }
}
