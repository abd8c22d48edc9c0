package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.test.CoherenceHistory;
import io.hermescache.test.MultiJvmCoherenceContractTest;
import io.hermescache.test.RedisServerExtension;
import io.hermescache.test.RedisUri;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The randomized multi-JVM coherence check on Redis, stamped by Redis {@code INCR}; here also with every
 * resilience feature on.
 */
@ExtendWith(RedisServerExtension.class)
class MultiJvmCoherenceTest extends MultiJvmCoherenceContractTest {

  MultiJvmCoherenceTest(@RedisUri String uri) {
    super(RedisCounters.server(uri), CoherenceWorker.class);
  }

  @Test
  void withEveryResilienceFeatureOnFourJvmsServeNoValueOlderThanAnInvalidationThatReturned() throws Exception {
    CoherenceHistory history = check("resilient");

    List<String> violations = history.violations();
    System.out.println("Redis, fail-safe, timeouts and refresh ahead on: " + history.report(violations));
    assertThat(history.reads()).as("the check did work").hasSizeGreaterThan(200);
    assertThat(violations).as(history.report(violations)).isEmpty();
  }
}
