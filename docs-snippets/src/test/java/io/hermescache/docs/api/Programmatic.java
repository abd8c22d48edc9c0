package io.hermescache.docs.api;

import io.hermescache.Hermes;
import io.hermescache.docs.model.Product;
import io.hermescache.docs.model.ProductRepository;
import io.hermescache.spi.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

public class Programmatic {

  static void run(ProductRepository repository, long id) {
    Hermes hermes = Hermes.builder()
        .configure(Settings.of(Map.of("hermes.backend", "redis", "hermes.redis.uri", "redis://cache:6379/0")))
        .ttl(Duration.ofMinutes(10))                // builder methods after configure win
        .prefix("shop")
        .build();                                   // connects to nothing yet

    Product product = hermes.cached("product:" + id, List.of("product:" + id, "catalogue"),
        Duration.ofMinutes(5), Product.class, () -> repository.find(id));

    Product first = hermes.cached("product:1", Product.class, () -> repository.find(1));  // configured TTL, no tags

    CompletionStage<Product> later = hermes.cachedAsync("product:" + id, List.of("catalogue"),
        Duration.ofMinutes(5), Product.class, () -> repository.findAsync(id));

    hermes.invalidate("product:" + id);                   // the entry under that key
  }
}
