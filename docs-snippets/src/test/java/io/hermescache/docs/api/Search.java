package io.hermescache.docs.api;

import io.hermescache.HermesCached;
import io.hermescache.TtlPolicy;
import io.hermescache.docs.model.Product;
import io.hermescache.docs.model.ProductRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;

@ApplicationScoped
public class Search {

  @Inject ProductRepository repository;

  /** Empty search results live a minute, others an hour. */
  @ApplicationScoped
  public class SearchTtl implements TtlPolicy {
    @Override
    public Duration ttl(Object value, Method method, Object[] arguments) {
      List<?> hits = (List<?>) value;
      return hits.isEmpty() ? Duration.ofMinutes(1) : Duration.ofHours(1);
    }
  }

  @HermesCached(tags = "search", ttlPolicy = SearchTtl.class)
  public List<Product> search(String text) { return repository.search(text); }
}
