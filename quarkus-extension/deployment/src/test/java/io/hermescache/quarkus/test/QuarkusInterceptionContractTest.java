package io.hermescache.quarkus.test;

import io.hermescache.test.InterceptionContractTest;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The interception contract in Quarkus (ArC, build-time registration, no portable extension). */
class QuarkusInterceptionContractTest extends InterceptionContractTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(BEANS).addClass(InterceptionContractTest.class));
}
