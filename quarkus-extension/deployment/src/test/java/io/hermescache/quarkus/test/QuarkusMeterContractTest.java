package io.hermescache.quarkus.test;

import io.hermescache.test.MeterContractTest;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The meters in Quarkus, with quarkus-micrometer's registry. */
class QuarkusMeterContractTest extends MeterContractTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(BEANS).addClass(MeterContractTest.class));
}
