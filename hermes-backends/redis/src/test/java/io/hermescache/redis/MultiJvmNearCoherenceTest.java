package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.test.CoherenceHistory;
import io.hermescache.test.MultiJvmCoherenceCheck;
import io.hermescache.test.RedisServerExtension;
import io.hermescache.test.RedisUri;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/**
 * The randomized coherence check of {@link MultiJvmCoherenceTest} with the near cache on (issue 18): four
 * JVMs, one killed mid-computation, and the invalidation channel cut ({@code CLIENT KILL TYPE pubsub}) every
 * 1.5 s of the run. No read is served a value older than an invalidation that returned more than
 * {@code max-staleness} (wall time) before it started, and none in the invalidating JVM at all.
 */
@ExtendWith(RedisServerExtension.class)
class MultiJvmNearCoherenceTest {

  private static final Duration MAX_STALENESS = Duration.ofMillis(500);

  private final String uri;

  MultiJvmNearCoherenceTest(@RedisUri String uri) {
    this.uri = uri;
  }

  @Test
  void fourJvmsWithNearCachesServeNoValueOlderThanMaxStalenessAfterAnInvalidation() throws Exception {
    String prefix = "near-coherence-" + UUID.randomUUID().toString().substring(0, 8);
    AtomicInteger cuts = new AtomicInteger();
    Thread cutter = new Thread(() -> {
      try (RedisClient admin = RedisClient.create(URI.create(uri))) {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(1500);
          admin.sendCommand(Protocol.Command.CLIENT, "KILL", "TYPE", "pubsub");
          cuts.incrementAndGet();
        }
      } catch (InterruptedException e) {
        // the run is over
      }
    }, "channel-cutter");
    try (RedisCounters counters = new RedisCounters(uri, prefix)) {
      cutter.start();
      CoherenceHistory history;
      try {
        history = MultiJvmCoherenceCheck.run(4, CoherenceWorker.class, counters, uri, prefix,
            String.valueOf(MultiJvmCoherenceCheck.WORK.toMillis()), MAX_STALENESS.toString());
      } finally {
        cutter.interrupt();
        cutter.join();
      }

      List<String> strict = history.violations();
      List<String> violations = history.violations(MAX_STALENESS);
      System.out.println("Redis, near cache on (max-staleness " + MAX_STALENESS.toMillis() + " ms, channel cut "
          + cuts.get() + " times): " + strict.size() + " reads of a value older than an invalidation, all in"
          + " another JVM within max-staleness; " + history.report(violations));
      assertThat(history.reads()).as("the check did work").hasSizeGreaterThan(200);
      assertThat(cuts.get()).as("the channel was cut").isPositive();
      assertThat(violations).as(history.report(violations)).isEmpty();
    }
  }
}
