package io.hermescache.memcached;

import io.hermescache.test.CoherenceWorkload;
import io.hermescache.test.MultiJvmCoherenceCheck;
import java.time.Duration;
import java.util.Map;

/**
 * One JVM of {@link MultiJvmCoherenceTest}: a {@link CoherenceWorkload} on memcached, stamped by memcached
 * {@code incr}. Arguments: memcached servers, Hermes prefix, milliseconds of work.
 */
public final class CoherenceWorker {

  public static void main(String[] args) throws Exception {
    String servers = args[0];
    String prefix = args[1];
    try (MemcachedCounters counters = new MemcachedCounters(servers, prefix)) {
      CoherenceWorkload.run(CoherenceWorkload.settings(Map.of("hermes.backend", "memcached",
          "hermes.memcached.servers", servers), prefix),
          counters, MultiJvmCoherenceCheck.isVictim(counters), Duration.ofMillis(Long.parseLong(args[2])));
    }
  }

  private CoherenceWorker() {}
}
