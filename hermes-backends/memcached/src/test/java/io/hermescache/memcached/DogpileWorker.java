package io.hermescache.memcached;

import io.hermescache.test.DogpileWorkload;
import java.util.Map;

/** One JVM of {@link MultiJvmDogpileTest}: a {@link DogpileWorkload} on memcached. Arguments: servers, Hermes prefix, threads. */
public final class DogpileWorker {

  public static void main(String[] args) throws Exception {
    String servers = args[0];
    String prefix = args[1];
    try (MemcachedCounters shared = new MemcachedCounters(servers, prefix)) {
      DogpileWorkload.run(Map.of("hermes.backend", "memcached", "hermes.memcached.servers", servers), prefix, shared,
          Integer.parseInt(args[2]));
    }
  }

  private DogpileWorker() {}
}
