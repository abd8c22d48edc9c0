package io.hermescache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A backend no module provides stops the application at startup, naming the key and the value. */
class UnknownBackendFailsStartupTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withEmptyApplication()
      .overrideConfigKey("hermes.backend", "rediss")
      .assertException(failure -> assertThat(Failures.messages(failure))
          .contains("hermes.backend = rediss: no such backend on the class path (found: inprocess")
          .contains("add its module, e.g. io.hermescache:hermes-backend-rediss"));

  @Test
  void startupFails() {
    fail("startup should have failed");
  }
}
