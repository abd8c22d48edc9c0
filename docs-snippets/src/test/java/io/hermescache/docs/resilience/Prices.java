package io.hermescache.docs.resilience;

import io.hermescache.HermesCached;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;

@ApplicationScoped
public class Prices {

  @Inject PriceRepository repository;

  @HermesCached(ttl = 60, staleFor = "PT1H", ttlPolicy = NotFallbacks.class)
  @Retry(maxRetries = 2)
  @Fallback(fallbackMethod = "unknown")
  public Price price(String sku) { return repository.price(sku); }

  Price unknown(String sku) { return Price.UNKNOWN; }
}
