package io.hermescache.inprocess;

import io.hermescache.spi.Backend;
import io.hermescache.test.ResilienceContractTest;

/**
 * Resilience per method (issue 17) on the in-process backend; its two nodes share one backend, as two
 * Hermes instances of one JVM can.
 */
class InProcessResilienceTest extends ResilienceContractTest {

  private final InProcessBackend shared = new InProcessBackend(10_000);

  @Override
  protected Backend createBackend() {
    return shared;
  }
}
