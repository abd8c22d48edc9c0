package io.hermescache.examples.jakartaee;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The WAR on Payara Micro with the backend of its own configuration: in-process. */
class CatalogueIT extends CatalogueTests {

  @RegisterExtension
  static final PayaraMicro server = new PayaraMicro("api/cache/stats");

  @Override
  PayaraMicro server() {
    return server;
  }
}
