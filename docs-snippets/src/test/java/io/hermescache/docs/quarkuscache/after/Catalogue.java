package io.hermescache.docs.quarkuscache.after;

import io.hermescache.HermesCached;
import io.hermescache.HermesInvalidate;
import io.hermescache.docs.model.Product;
import io.hermescache.docs.model.ProductRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

@ApplicationScoped
public class Catalogue {

  @Inject ProductRepository repository;

  @HermesCached(tags = {"product:{id}", "products"})
  public Product product(long id) { return repository.find(id); }

  @HermesInvalidate(tags = "product:{id}")          // every entry tagged with the product
  public void save(long id, Product product) { repository.save(product); }

  @HermesInvalidate(tags = "products")
  public void importAll(List<Product> products) { repository.saveAll(products); }
}
