package io.hermescache.docs.jcache.after;

import io.hermescache.HermesCached;
import io.hermescache.HermesInvalidate;
import io.hermescache.docs.model.Product;
import io.hermescache.docs.model.ProductRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class Catalogue {

  @Inject ProductRepository repository;

  @HermesCached(key = "product:{id}", tags = "products")   // locale left out of the key, as with @CacheKey
  public Product product(long id, Locale locale) { return repository.find(id, locale); }

  @HermesInvalidate(keys = "product:{id}")
  public void save(long id, Product product) { repository.save(product); }

  @HermesInvalidate(tags = "products")
  public void importAll(List<Product> products) { repository.saveAll(products); }
}
