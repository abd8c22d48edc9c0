package io.hermescache.docs.resilience;

import io.hermescache.HermesCached;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class Catalogue {

  @Inject PriceRepository repository;

  @HermesCached(ttl = 60,
      staleFor = "PT1H",       // fail-safe: serve a value up to an hour past its expiry if the method fails
      softTimeout = "PT0.05S", // with such a value at hand, wait at most 50 ms for the method
      hardTimeout = "PT2S",    // never wait more than 2 s: HermesTimeoutException (or the stale value)
      refreshAhead = 0.8)      // after 48 s, recompute in the background while callers get the current value
  public Price price(String sku) { return repository.price(sku); }
}
