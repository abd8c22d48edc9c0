package io.hermescache.docs.readme;

import io.hermescache.Hermes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class Maintenance {

  @Inject Example example;
  @Inject Hermes hermes;

  void forget() {
    hermes.invalidate(() -> example.bar(2, 10));      // drops exactly the entry that call would read
    hermes.clean("math");                             // every entry tagged math, O(1)
    hermes.clean();                                   // everything under this Hermes' prefix, O(1)
  }
}
