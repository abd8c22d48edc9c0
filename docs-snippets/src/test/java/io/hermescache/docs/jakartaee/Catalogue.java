package io.hermescache.docs.jakartaee;

import io.hermescache.HermesCached;
import io.hermescache.docs.model.Product;
import io.hermescache.docs.model.ProductRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

@ApplicationScoped
public class Catalogue {

  @Inject ProductRepository repository;

  @HermesCached(tags = {"product:{id}", "catalogue"})
  public Product product(long id) { return repository.find(id); }

  @HermesCached(tags = {"product:{id}", "catalogue"})    // the completed value is cached, never the future
  public CompletionStage<Product> productAsync(long id) { return repository.findAsync(id); }
}
