package io.hermescache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Values are validated by the core, with the messages Hermes gives outside Quarkus. */
class NegativeTtlFailsStartupTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withEmptyApplication()
      .overrideConfigKey("hermes.ttl", "-5")
      .assertException(failure -> assertThat(Failures.messages(failure)).contains("hermes.ttl = -5: must not be negative"));

  @Test
  void startupFails() {
    fail("startup should have failed");
  }
}
