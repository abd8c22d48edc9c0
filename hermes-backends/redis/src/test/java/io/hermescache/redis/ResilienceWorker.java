package io.hermescache.redis;

import io.hermescache.CacheOptions;
import io.hermescache.CacheStats;
import io.hermescache.Hermes;
import io.hermescache.spi.Settings;
import io.hermescache.test.WorkerJvms;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One JVM of {@link MultiJvmResilienceTest}: waits for the common start, then calls the key {@value #KEY}
 * from {@value #THREADS} threads for the given time, and prints one {@code RESULT} line with what its callers
 * got and its counters. The method counts its runs in Redis ({@value #LOADS}).
 *
 * <p>Arguments: Redis URI, Hermes prefix, mode ({@code ahead}: a hot key refreshed ahead; {@code down}: the
 * method throws, fail-safe on), duration in milliseconds.
 */
public final class ResilienceWorker {

  static final String KEY = "hot";
  static final int THREADS = 8;
  /** The shared counter of the method's runs, across all JVMs. */
  static final String LOADS = "loads";

  static CacheOptions options(String mode) {
    CacheOptions.Builder options = CacheOptions.builder(String.class).tags("t").statsGroup("hot");
    return mode.equals("ahead") ? options.ttl(Duration.ofSeconds(2)).refreshAhead(0.5).build()
        : options.ttl(Duration.ofSeconds(1)).staleFor(Duration.ofHours(1)).build();
  }

  static Hermes hermes(String uri, String prefix) {
    return Hermes.builder().configure(Settings.of(Map.of("hermes.backend", "redis", "hermes.redis.uri", uri,
        "hermes.prefix", prefix, "hermes.fail-safe.throttle", "PT1S"))).build();
  }

  public static void main(String[] args) throws Exception {
    String uri = args[0];
    String prefix = args[1];
    String mode = args[2];
    long millis = Long.parseLong(args[3]);
    CacheOptions options = options(mode);
    try (RedisCounters shared = new RedisCounters(uri, prefix); Hermes hermes = hermes(uri, prefix)) {
      hermes.cached("warm-up-" + ProcessHandle.current().pid(), String.class, () -> "loads the classes");
      WorkerJvms.awaitCommonStart(shared);
      long end = System.nanoTime() + millis * 1_000_000;
      AtomicLong calls = new AtomicLong();
      AtomicLong failed = new AtomicLong();
      AtomicLong slowest = new AtomicLong();
      ExecutorService callers = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        running.add(callers.submit(() -> {
          while (System.nanoTime() - end < 0) {
            long start = System.nanoTime();
            try {
              String value = hermes.cached(KEY, options, () -> {
                long run = shared.increment(LOADS);
                if (mode.equals("down")) {
                  throw new IllegalStateException("database down");
                }
                Thread.sleep(50);
                return "v" + run;
              });
              if (mode.equals("down") && !value.equals("v0")) {
                failed.incrementAndGet();
              }
            } catch (RuntimeException e) {
              failed.incrementAndGet();
            }
            calls.incrementAndGet();
            slowest.accumulateAndGet(System.nanoTime() - start, Math::max);
          }
          return null;
        }));
      }
      for (Future<?> future : running) {
        future.get();
      }
      callers.shutdown();
      CacheStats stats = hermes.stats().of("hot");
      System.out.println("RESULT " + calls.get() + " " + failed.get() + " " + stats.misses() + " " + stats.refreshes()
          + " " + stats.stale() + " " + slowest.get() / 1_000_000);
    }
  }

  private ResilienceWorker() {}
}
