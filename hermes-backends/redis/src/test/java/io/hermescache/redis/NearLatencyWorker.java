package io.hermescache.redis;

import io.hermescache.Hermes;
import io.hermescache.spi.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.RedisClient;

/**
 * The other JVM of {@link MultiJvmNearLatencyTest}: holds the value in its near cache, then reads it in a
 * loop until the invalidation made in the test's JVM is seen, and prints how long after the invalidation
 * returned that was ({@code System.nanoTime} is one clock for every process of a Linux machine).
 * Arguments: Redis URI, Hermes prefix, rounds.
 */
public final class NearLatencyWorker {

  public static void main(String[] args) throws Exception {
    String uri = args[0];
    String prefix = args[1];
    int rounds = Integer.parseInt(args[2]);
    String coordination = prefix + "-test:";
    try (RedisClient redis = RedisClient.create(URI.create(uri));
        Hermes hermes = Hermes.builder().configure(Settings.of(Map.of("hermes.backend", "redis", "hermes.redis.uri",
            uri, "hermes.prefix", prefix, "hermes.near.enabled", "true"))).build()) {
      read(hermes, "warm");
      redis.set(coordination + "ready", "yes");
      for (int i = 0; i < rounds; i++) {
        String round = Integer.toString(i);
        while (!round.equals(redis.get(coordination + "round"))) {
          Thread.sleep(1);
        }
        String old = read(hermes, "worker-" + i);
        read(hermes, "worker-" + i);
        redis.set(coordination + "holding", round);
        long seen;
        while (true) {
          long start = System.nanoTime();
          if (!read(hermes, "worker-" + i).equals(old)) {
            seen = start;
            break;
          }
          Thread.onSpinWait();
        }
        String cleaned;
        while ((cleaned = redis.get(coordination + "cleaned:" + i)) == null) {
          Thread.sleep(1);
        }
        System.out.println("RESULT " + Math.max(0, (seen - Long.parseLong(cleaned)) / 1000));
        redis.set(coordination + "done", round);
      }
    }
  }

  private static String read(Hermes hermes, String loaded) {
    return hermes.cached("k", List.of("t"), Duration.ofMinutes(5), String.class, () -> loaded);
  }

  private NearLatencyWorker() {}
}
