package io.hermescache.redis;

import io.hermescache.test.CoherenceWorkload;
import io.hermescache.test.MultiJvmCoherenceCheck;
import java.time.Duration;
import java.util.Map;

/**
 * One JVM of {@link MultiJvmCoherenceTest}: a {@link CoherenceWorkload} on Redis, stamped by Redis
 * {@code INCR}. Arguments: Redis URI, Hermes prefix, milliseconds of work.
 */
public final class CoherenceWorker {

  public static void main(String[] args) throws Exception {
    String uri = args[0];
    String prefix = args[1];
    try (RedisCounters counters = new RedisCounters(uri, prefix + "-test:")) {
      CoherenceWorkload.run(CoherenceWorkload.settings(Map.of("hermes.backend", "redis", "hermes.redis.uri", uri), prefix),
          counters, MultiJvmCoherenceCheck.isVictim(counters), Duration.ofMillis(Long.parseLong(args[2])));
    }
  }

  private CoherenceWorker() {}
}
