package io.hermescache.redis;

import io.hermescache.test.CoherenceWorkload;
import io.hermescache.test.MultiJvmCoherenceCheck;
import java.time.Duration;
import java.util.Map;

/**
 * One JVM of {@link MultiJvmCoherenceTest}: a {@link CoherenceWorkload} on Redis, stamped by Redis
 * {@code INCR}. Arguments: Redis URI, Hermes prefix, milliseconds of work, and optionally either
 * {@code resilient} (every resilience feature on) or the near cache's {@code max-staleness} (the near cache is on
 * when given).
 */
public final class CoherenceWorker {

  public static void main(String[] args) throws Exception {
    String uri = args[0];
    String prefix = args[1];
    try (RedisCounters counters = new RedisCounters(uri, prefix)) {
      Map<String, String> backend = new java.util.HashMap<>(Map.of("hermes.backend", "redis", "hermes.redis.uri", uri));
      boolean resilient = args.length > 3 && args[3].equals("resilient");
      if (args.length > 3 && !resilient) {
        backend.put("hermes.near.enabled", "true");
        backend.put("hermes.near.max-staleness", args[3]);
      }
      CoherenceWorkload.run(resilient ? CoherenceWorkload.resilient(backend, prefix)
          : CoherenceWorkload.settings(backend, prefix),
          counters, MultiJvmCoherenceCheck.isVictim(counters), Duration.ofMillis(Long.parseLong(args[2])));
    }
  }

  private CoherenceWorker() {}
}
