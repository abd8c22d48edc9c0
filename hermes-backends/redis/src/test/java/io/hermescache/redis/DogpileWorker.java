package io.hermescache.redis;

import io.hermescache.test.DogpileWorkload;
import java.util.Map;

/**
 * One JVM of {@link MultiJvmDogpileTest}: a {@link DogpileWorkload} on Redis, with the lock lease of
 * {@link MultiJvmDogpileTest#LEASE_MILLIS}. Arguments: Redis URI, Hermes prefix, threads.
 */
public final class DogpileWorker {

  public static void main(String[] args) throws Exception {
    String uri = args[0];
    String prefix = args[1];
    try (RedisCounters shared = new RedisCounters(uri, prefix)) {
      DogpileWorkload.run(Map.of("hermes.backend", "redis", "hermes.redis.uri", uri,
          "hermes.lock.lease", "PT" + MultiJvmDogpileTest.LEASE_MILLIS / 1000.0 + "S"),
          prefix, shared, Integer.parseInt(args[2]));
    }
  }

  private DogpileWorker() {}
}
