package io.hermescache.memcached;

import io.hermescache.Hermes;
import io.hermescache.spi.Settings;
import io.hermescache.test.WorkerJvms;
import java.util.List;
import java.util.Map;
import net.spy.memcached.AddrUtil;
import net.spy.memcached.BinaryConnectionFactory;
import net.spy.memcached.MemcachedClient;

/**
 * One JVM of {@link MultiJvmDogpileTest}: announces itself ready, waits for the common start signal, then
 * calls one cold cached key from many threads and prints {@code RESULT <value>} per caller. The loader
 * counts its runs with memcached {@code incr} and takes about a second.
 *
 * <p>Arguments: memcached servers, Hermes prefix, threads.
 */
public final class DogpileWorker {

  static final String KEY = "cold";

  public static void main(String[] args) throws Exception {
    String servers = args[0];
    String prefix = args[1];
    int threads = Integer.parseInt(args[2]);
    Signals signals = new Signals(prefix);
    long pid = ProcessHandle.current().pid();
    MemcachedClient memcached = signals.client(servers);
    try (Hermes hermes = Hermes.builder().configure(Settings.of(Map.of("hermes.backend", "memcached",
        "hermes.memcached.servers", servers, "hermes.prefix", prefix, "hermes.lock.timeout", "PT20S"))).build()) {
      hermes.cached("warm-up-" + pid, String.class, () -> "loads the classes a cold call needs");
      memcached.incr(signals.ready, 1, 1);
      WorkerJvms.awaitStart(() -> memcached.get(signals.go) != null);
      WorkerJvms.callTogether(threads, () -> hermes.cached(KEY, String.class, () -> {
        memcached.incr(signals.loads, 1, 1);
        Thread.sleep(1000);
        return "computed by " + pid;
      }));
    } finally {
      memcached.shutdown();
    }
  }

  /** The coordination keys of one run, beside (not inside) the Hermes prefix, and a client to reach them. */
  static final class Signals {
    final String ready;
    final String go;
    final String loads;

    Signals(String prefix) {
      ready = prefix + "-test:ready";
      go = prefix + "-test:go";
      loads = prefix + "-test:loads";
    }

    List<String> all() {
      return List.of(ready, go, loads);
    }

    /** A plain spymemcached client; every JVM hashes the signal keys to the same server. */
    MemcachedClient client(String servers) throws java.io.IOException {
      return new MemcachedClient(new BinaryConnectionFactory(), AddrUtil.getAddresses(servers));
    }

    /** A counter's value, 0 if it was never incremented. */
    static long count(MemcachedClient memcached, String key) {
      Object value = memcached.get(key);
      return value == null ? 0 : Long.parseLong(value.toString().trim());
    }
  }

  private DogpileWorker() {}
}
