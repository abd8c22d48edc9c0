package io.hermescache.redis;

import io.hermescache.test.CoherenceWorkload;
import io.hermescache.test.MultiJvmCoherenceCheck;
import java.time.Duration;
import java.util.Map;

/**
 * One JVM of {@link MultiJvmCoherenceTest}: a {@link CoherenceWorkload} on Redis, stamped by Redis
 * {@code INCR}. Arguments: Redis URI, Hermes prefix, milliseconds of work,
 * optionally {@code resilient} (every resilience feature on).
 */
public final class CoherenceWorker {

  public static void main(String[] args) throws Exception {
    String uri = args[0];
    String prefix = args[1];
    try (RedisCounters counters = new RedisCounters(uri, prefix + "-test:")) {
      Map<String, String> backend = Map.of("hermes.backend", "redis", "hermes.redis.uri", uri);
      boolean resilient = args.length > 3 && args[3].equals("resilient");
      CoherenceWorkload.run(resilient ? CoherenceWorkload.resilient(backend, prefix)
          : CoherenceWorkload.settings(backend, prefix),
          counters, MultiJvmCoherenceCheck.isVictim(counters), Duration.ofMillis(Long.parseLong(args[2])));
    }
  }

  private CoherenceWorker() {}
}
