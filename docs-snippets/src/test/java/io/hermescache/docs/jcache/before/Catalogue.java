package io.hermescache.docs.jcache.before;

import io.hermescache.docs.model.Product;
import io.hermescache.docs.model.ProductRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;

@ApplicationScoped
public class Catalogue {

  @Inject ProductRepository repository;

  @CacheResult(cacheName = "products")
  public Product product(@CacheKey long id, Locale locale) { return repository.find(id, locale); }

  @CacheRemove(cacheName = "products")
  public void save(@CacheKey long id, Product product) { repository.save(product); }

  @CacheRemoveAll(cacheName = "products")
  public void importAll(List<Product> products) { repository.saveAll(products); }
}
