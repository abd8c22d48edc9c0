package io.hermescache.quarkus.deployment.devservices;

import io.hermescache.HermesCached;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** The cached bean of the Dev Services tests: each call that runs is numbered, so a hit shows. */
@ApplicationScoped
public class Prices {
  private final AtomicInteger calls = new AtomicInteger();

  @HermesCached
  public String of(String fruit) {
    return fruit + " #" + calls.incrementAndGet();
  }

  public int calls() {
    return calls.get();
  }
}
