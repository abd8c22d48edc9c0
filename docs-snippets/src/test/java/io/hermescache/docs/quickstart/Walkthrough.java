package io.hermescache.docs.quickstart;

import io.hermescache.CacheStats;
import io.hermescache.Hermes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class Walkthrough {

  @Inject Example example;
  @Inject Hermes hermes;

  void walkThrough() {
    example.bar(2, 10);                          // computed and stored
    example.bar(2, 10);                          // served from the cache

    hermes.invalidate(() -> example.bar(2, 10)); // drops exactly that entry; bar's body does not run
    hermes.clean("math");                        // every entry tagged math (bar and baz), O(1)
    hermes.clean();                              // everything under this application's prefix, O(1)

    CacheStats stats = hermes.stats().of(Example.class.getName() + ".bar");   // hits, misses, loads, ...
  }
}
