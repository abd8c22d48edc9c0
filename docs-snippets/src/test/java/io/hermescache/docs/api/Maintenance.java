package io.hermescache.docs.api;

import io.hermescache.Hermes;
import io.hermescache.HermesStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class Maintenance {

  @Inject Example example;
  @Inject Hermes hermes;

  void forget() {
    hermes.invalidate(() -> example.bar(2, 10));   // drops exactly the entry that call would read
    hermes.clean("math", "avg");                   // every entry tagged math or avg, O(1) per tag
    hermes.clean();                                // every entry under this prefix, O(1)
    HermesStats stats = hermes.stats();            // per method and in total
  }
}
