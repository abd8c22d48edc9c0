package io.hermescache.inprocess;

import io.hermescache.spi.Backend;
import io.hermescache.test.CoherenceContractTest;

/** The coherence contract (issue 14) on the in-process backend: locks and single flight inside one JVM. */
class InProcessCoherenceTest extends CoherenceContractTest {

  @Override
  protected Backend createBackend() {
    return new InProcessBackend(10_000);
  }
}
