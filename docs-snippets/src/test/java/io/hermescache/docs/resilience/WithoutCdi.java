package io.hermescache.docs.resilience;

import io.hermescache.CacheOptions;
import io.hermescache.Hermes;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

public class WithoutCdi {

  static void run(Hermes hermes, PriceRepository repository, String sku) {
    CacheOptions prices = CacheOptions.builder(Price.class).ttl(Duration.ofMinutes(1)).tags("prices")
        .staleFor(Duration.ofHours(1)).softTimeout(Duration.ofMillis(50)).refreshAhead(0.8)
        .statsGroup("prices")   // the name statistics and meters go under; never the key
        .build();
    Price price = hermes.cached("price:" + sku, prices, () -> repository.price(sku));
    CompletionStage<Price> later = hermes.cachedAsync("price:" + sku, prices, () -> repository.priceAsync(sku));
  }
}
