package io.hermescache.inprocess;

import io.hermescache.spi.Backend;
import io.hermescache.test.HostileInputContractTest;

/** The hostile-input suite on the in-process backend (run with -Xmx256m: see this module's pom). */
class InProcessHostileInputTest extends HostileInputContractTest {

  @Override
  protected Backend createBackend() {
    return new InProcessBackend(10_000);
  }
}
