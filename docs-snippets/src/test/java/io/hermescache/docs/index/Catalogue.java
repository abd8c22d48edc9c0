package io.hermescache.docs.index;

import io.hermescache.HermesCached;
import io.hermescache.HermesInvalidate;
import io.hermescache.docs.model.Product;
import io.hermescache.docs.model.ProductRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class Catalogue {

  @Inject ProductRepository repository;

  @HermesCached(tags = {"product:{id}", "catalogue"})     // computed once, then served from the cache
  public Product product(long id) { return repository.find(id); }

  @HermesInvalidate(tags = "product:{product.id}")        // runs, then drops every entry tagged product:<id>
  public void save(Product product) { repository.save(product); }
}
