package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.test.CoherenceContractTest;
import io.hermescache.test.CoherenceHistory;
import io.hermescache.test.MultiJvmCoherenceCheck;
import io.hermescache.test.RedisServerExtension;
import io.hermescache.test.RedisUri;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The randomized coherence check of issue 14 on Redis: four JVMs read three keys with slow loaders and a
 * lock timeout shorter than most loads, invalidate keys, clean tags and clean everything, for a few
 * seconds; one JVM is killed while it holds a lock mid-computation. Every event is stamped with one Redis
 * {@code INCR} clock; the check finds no read served a value whose computation started before an
 * invalidation (of its key, one of its tags, or all) that had returned before the read started, and
 * prints how many operations it checked.
 */
@ExtendWith(RedisServerExtension.class)
class MultiJvmCoherenceTest {

  private final String uri;

  MultiJvmCoherenceTest(@RedisUri String uri) {
    this.uri = uri;
  }

  /** Today waiters that gave up on the lock store values older than {@code invalidate(key)}: violations. */
  @Test
  @Tag(CoherenceContractTest.KNOWN_DEFECT)
  void fourJvmsServeNoValueOlderThanAnInvalidationThatReturned() throws Exception {
    String prefix = "coherence-" + UUID.randomUUID().toString().substring(0, 8);
    try (RedisCounters counters = new RedisCounters(uri, prefix + "-test:")) {
      CoherenceHistory history = MultiJvmCoherenceCheck.run(4, CoherenceWorker.class, counters, uri, prefix,
          String.valueOf(MultiJvmCoherenceCheck.WORK.toMillis()));
      counters.delete(MultiJvmCoherenceCheck.sharedNames());

      List<String> violations = history.violations();
      System.out.println("Redis " + history.report(violations));
      assertThat(history.reads()).as("the check did work").hasSizeGreaterThan(200);
      assertThat(history.invalidations()).extracting(CoherenceHistory.Invalidation::kind).contains("key", "tag", "all");
      assertThat(violations).as(history.report(violations)).isEmpty();
    }
  }

  @Test
  void withEveryResilienceFeatureOnFourJvmsServeNoValueOlderThanAnInvalidationThatReturned() throws Exception {
    String prefix = "coherence-" + UUID.randomUUID().toString().substring(0, 8);
    try (RedisCounters counters = new RedisCounters(uri, prefix + "-test:")) {
      CoherenceHistory history = MultiJvmCoherenceCheck.run(4, CoherenceWorker.class, counters, uri, prefix,
          String.valueOf(MultiJvmCoherenceCheck.WORK.toMillis()), "resilient");
      counters.delete(MultiJvmCoherenceCheck.sharedNames());

      List<String> violations = history.violations();
      System.out.println("Redis, fail-safe, timeouts and refresh ahead on: " + history.report(violations));
      assertThat(history.reads()).as("the check did work").hasSizeGreaterThan(200);
      assertThat(violations).as(history.report(violations)).isEmpty();
    }
  }
}
