package io.hermescache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The mapping declares the hermes.* keys: one that no Hermes module reads is a mistake, found at startup. */
class MisspeltKeyFailsStartupTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withEmptyApplication()
      .overrideRuntimeConfigKey("hermes.tll", "60")
      .assertException(failure -> assertThat(Failures.messages(failure)).contains("hermes.tll", "does not map to any root"));

  @Test
  void startupFails() {
    fail("startup should have failed");
  }
}
