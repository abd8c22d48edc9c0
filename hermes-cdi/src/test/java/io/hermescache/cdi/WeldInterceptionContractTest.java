package io.hermescache.cdi;

import io.hermescache.test.InterceptionContractTest;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeAll;

/** The interception contract in Weld, with hermes-cdi's portable extension. */
@EnableWeld
class WeldInterceptionContractTest extends InterceptionContractTest {

  @WeldSetup
  WeldInitiator weld = WeldInitiator.from(Containers.weld(BEANS)).build();

  @BeforeAll
  static void defaultConfiguration() {
    TestConfig.useDefaults();
  }
}
