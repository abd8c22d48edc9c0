package io.hermescache.docs.model;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/** The database the pages' cached methods call. */
public interface ProductRepository {

  Product find(long id);

  Product find(long id, Locale locale);

  CompletionStage<Product> findAsync(long id);

  List<Product> search(String text);

  void save(Product product);

  void saveAll(List<Product> products);
}
