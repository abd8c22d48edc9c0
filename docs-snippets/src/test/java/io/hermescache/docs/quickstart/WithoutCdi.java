package io.hermescache.docs.quickstart;

import io.hermescache.Hermes;
import io.hermescache.docs.model.Product;
import io.hermescache.docs.model.ProductRepository;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

public class WithoutCdi {

  static void run(ProductRepository repository) {
    Hermes hermes = Hermes.builder().ttl(Duration.ofMinutes(10)).build();   // no connection yet
    double avg = hermes.cached("avg:1:2", List.of("math"), Duration.ofMinutes(20), Double.class, () -> 1.5);
    CompletionStage<Product> product = hermes.cachedAsync("product:7", Product.class, () -> repository.findAsync(7));
    hermes.clean("math");
  }
}
