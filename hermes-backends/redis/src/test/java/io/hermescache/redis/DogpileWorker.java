package io.hermescache.redis;

import io.hermescache.Hermes;
import io.hermescache.spi.Settings;
import io.hermescache.test.WorkerJvms;
import java.net.URI;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.RedisClient;

/**
 * One JVM of {@link MultiJvmDogpileTest}: announces itself ready, waits for the common start signal, then
 * calls one cold cached key from many threads and prints {@code RESULT <value>} per caller. The loader
 * counts its runs in Redis, names its JVM as the lock holder, and takes about a second.
 *
 * <p>Arguments: Redis URI, Hermes prefix, threads, lock lease in milliseconds.
 */
public final class DogpileWorker {

  static final String KEY = "cold";

  public static void main(String[] args) throws Exception {
    String uri = args[0];
    String prefix = args[1];
    int threads = Integer.parseInt(args[2]);
    Signals signals = new Signals(prefix);
    long pid = ProcessHandle.current().pid();
    try (RedisClient redis = RedisClient.create(URI.create(uri));
        Hermes hermes = Hermes.builder().configure(Settings.of(Map.of("hermes.backend", "redis", "hermes.redis.uri", uri,
            "hermes.prefix", prefix, "hermes.lock.lease", "PT" + Long.parseLong(args[3]) / 1000.0 + "S",
            "hermes.lock.timeout", "PT20S"))).build()) {
      hermes.cached("warm-up-" + pid, String.class, () -> "loads the classes a cold call needs");
      redis.incr(signals.ready);
      WorkerJvms.awaitStart(() -> redis.exists(signals.go));
      WorkerJvms.callTogether(threads, () -> hermes.cached(KEY, String.class, () -> {
        redis.incr(signals.loads);
        redis.set(signals.holder, Long.toString(pid));
        Thread.sleep(1000);
        return "computed by " + pid;
      }));
    }
  }

  /** The coordination keys of one run, beside (not inside) the Hermes prefix. */
  static final class Signals {
    final String ready;
    final String go;
    final String loads;
    final String holder;

    Signals(String prefix) {
      ready = prefix + "-test:ready";
      go = prefix + "-test:go";
      loads = prefix + "-test:loads";
      holder = prefix + "-test:holder";
    }

    List<String> all() {
      return List.of(ready, go, loads, holder);
    }
  }

  private DogpileWorker() {}
}
