package io.hermescache.docs.quarkus;

import io.hermescache.HermesCached;
import io.hermescache.HermesInvalidate;
import io.hermescache.docs.model.Product;
import io.hermescache.docs.model.ProductRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class Catalogue {

  @Inject ProductRepository repository;
  @Inject Warehouse warehouse;

  @HermesCached(tags = {"products", "product:{id}"}, ttl = 600)
  public Product find(long id) { return repository.find(id); }

  @HermesCached(tags = "product:{id}")                 // the item is cached, never the Uni
  public Uni<Stock> stock(long id) { return warehouse.stock(id); }

  @HermesInvalidate(tags = {"product:{product.id}", "products"})
  public void save(Product product) { repository.save(product); }
}
