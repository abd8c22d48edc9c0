package io.hermescache.docs.spring.before;

import io.hermescache.docs.model.Product;
import io.hermescache.docs.model.ProductRepository;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

@Service
public class Catalogue {

  @Autowired ProductRepository repository;

  @Cacheable(value = "products", key = "#id", unless = "#result == null")
  public Product product(long id) { return repository.find(id); }

  @CacheEvict(value = "products", key = "#product.id")
  public void save(Product product) { repository.save(product); }

  @CacheEvict(value = "products", allEntries = true)
  public void importAll(List<Product> products) { repository.saveAll(products); }
}
