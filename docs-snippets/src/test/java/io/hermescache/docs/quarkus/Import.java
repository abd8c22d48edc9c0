package io.hermescache.docs.quarkus;

import io.hermescache.Hermes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class Import {

  @Inject Catalogue catalogue;
  @Inject Hermes hermes;

  void afterImport() {
    hermes.invalidate(() -> catalogue.find(1));        // exactly that entry
    hermes.clean("products");                          // every product, O(1)
  }
}
