package io.hermescache.test;

import io.hermescache.Hermes;
import io.hermescache.spi.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One JVM of a randomized multi-JVM coherence check ({@link CoherenceHistory} checks what all of them
 * printed). Its threads read {@value #KEYS} keys (blocking and asynchronously) with slow loaders and a lock
 * timeout shorter than most loads, and mix in {@code invalidate(key)}, {@code clean(tag)} and
 * {@code clean()}. Every event is stamped by a logical clock shared by all JVMs ({@link SharedCounters},
 * e.g. Redis {@code INCR}): a read when it starts, a computation when it starts (the stamp is the value
 * it computes, so every value names its computation), an invalidation when it starts and once it returned.
 * One JVM may be the victim: its first computation after a second of work announces itself and hangs,
 * holding the key's lock, so that the test kills it mid-computation.
 *
 * <p>Lines printed, after {@code RESULT }: {@code READ <key> <started> <computed>} and
 * {@code INV <key|tag|all> <target> <started> <returned>}.
 */
public final class CoherenceWorkload {

  /** How many keys the workers share: few, so that reads, computations and invalidations meet. */
  public static final int KEYS = 3;
  /** The shared counter all JVMs stamp events with. */
  public static final String CLOCK = "clock";
  /** Where the victim writes its process id once it hangs holding a lock. */
  public static final String HOLDER = "holder";

  private static final int THREADS = 4;
  private static final int OPERATIONS_PER_THREAD = 400;
  private static final Duration TTL = Duration.ofMinutes(1);

  private final Hermes hermes;
  private final SharedCounters shared;
  private final boolean victim;
  private final Duration ttl;
  private final boolean failing;
  private final AtomicBoolean hung = new AtomicBoolean();
  private volatile long victimFrom;

  private CoherenceWorkload(Hermes hermes, SharedCounters shared, boolean victim, Settings settings) {
    this.hermes = hermes;
    this.shared = shared;
    this.victim = victim;
    this.ttl = settings.getDuration("hermes.ttl", TTL);
    this.failing = settings.get(FAILING).isPresent();
  }

  /** Marks the settings of {@link #resilient}: some computations fail, and failed reads are not events. */
  private static final String FAILING = "hermes-test.failing";

  /**
   * {@link #settings} with every resilience feature on (issue 17), so that the check covers them: a short
   * TTL (values expire and are refreshed ahead while the workers run), fail-safe with a short throttle, soft
   * and hard timeouts shorter than many loads, and loaders that fail now and then.
   */
  public static Settings resilient(Map<String, String> backend, String prefix) {
    Map<String, String> all = new HashMap<>(backend);
    all.put("hermes.prefix", prefix);
    all.put("hermes.lock.timeout", "PT0.05S");
    all.put("hermes.lock.lease", "PT3S");
    all.put("hermes.ttl", "PT0.5S");
    all.put("hermes.fail-safe.max-stale", "PT1H");
    all.put("hermes.fail-safe.throttle", "PT0.2S");
    all.put("hermes.timeout.soft", "PT0.03S");
    all.put("hermes.timeout.hard", "PT0.1S");
    all.put("hermes.refresh-ahead", "0.5");
    all.put(FAILING, "true");
    return Settings.of(all);
  }

  /**
   * The Hermes settings of a worker: the given backend settings, with a short lock timeout (50 ms, shorter
   * than most loads) and a lease of 3 s (longer than any load but the victim's).
   */
  public static Settings settings(Map<String, String> backend, String prefix) {
    Map<String, String> all = new HashMap<>(backend);
    all.put("hermes.prefix", prefix);
    all.put("hermes.lock.timeout", "PT0.05S");
    all.put("hermes.lock.lease", "PT3S");
    return Settings.of(all);
  }

  /**
   * Runs one worker: announces it is ready, waits for the start signal, then works for {@code duration}
   * (or {@value #OPERATIONS_PER_THREAD} operations per thread) and prints its events.
   */
  public static void run(Settings settings, SharedCounters shared, boolean victim, Duration duration) throws Exception {
    try (Hermes hermes = Hermes.builder().configure(settings).build()) {
      try {
        hermes.cached("warm-up-" + ProcessHandle.current().pid(), String.class, () -> "loads the classes a call needs");
      } catch (io.hermescache.HermesTimeoutException e) {
        // with a hard timeout, a cold JVM's first call may exceed it; the classes are loaded all the same
      }
      CoherenceWorkload workload = new CoherenceWorkload(hermes, shared, victim, settings);
      WorkerJvms.awaitCommonStart(shared);
      workload.work(duration);
    }
  }

  private void work(Duration duration) throws Exception {
    long end = System.nanoTime() + duration.toNanos();
    victimFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    ExecutorService loaders = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "loader");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        running.add(threads.submit(() -> {
          for (int i = 0; i < OPERATIONS_PER_THREAD && System.nanoTime() < end; i++) {
            operate(loaders);
          }
          return null;
        }));
      }
      for (Future<?> thread : running) {
        thread.get();
      }
    } finally {
      threads.shutdownNow();
      loaders.shutdownNow();
    }
  }

  private void operate(ExecutorService loaders) throws Exception {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int key = random.nextInt(KEYS);
    int op = random.nextInt(100);
    if (op < 66) {
      long startedAt = System.currentTimeMillis(); // wall time, for the near cache's bound in time
      long started = shared.increment(CLOCK);
      String value;
      try {
        value = op < 33
            ? hermes.cached("k" + key, tags(key), ttl, String.class, this::compute)
            : hermes.<String>cachedAsync("k" + key, tags(key), ttl, String.class, () -> CompletableFuture.supplyAsync(() -> {
              try {
                return compute();
              } catch (InterruptedException e) {
                throw new CompletionException(e);
              }
            }, loaders)).toCompletableFuture().get();
      } catch (RuntimeException | java.util.concurrent.ExecutionException e) {
        if (!failing) {
          throw e;
        }
        return; // a failed computation or a timeout without a stale value: nothing was served
      }
      print("READ " + key + " " + started + " " + value + " " + startedAt);
    } else {
      long started = shared.increment(CLOCK);
      String what;
      if (op < 86) {
        hermes.invalidate("k" + key);
        what = "key " + key;
      } else if (op < 95) {
        hermes.clean("g" + key % 2);
        what = "tag g" + key % 2;
      } else {
        hermes.clean();
        what = "all -";
      }
      long returned = shared.increment(CLOCK);
      print("INV " + what + " " + started + " " + returned + " " + System.currentTimeMillis());
    }
  }

  /** Tags of key {@code k}: {@code g0} or {@code g1}, so that a tag covers some keys and not others. */
  public static List<String> tags(int key) {
    return List.of("g" + key % 2);
  }

  private String compute() throws InterruptedException {
    long stamp = shared.increment(CLOCK);
    if (victim && System.nanoTime() > victimFrom && hung.compareAndSet(false, true)) {
      shared.set(HOLDER, Long.toString(ProcessHandle.current().pid()));
      Thread.sleep(TimeUnit.MINUTES.toMillis(5)); // holds the lock until the test kills this JVM
    }
    Thread.sleep(ThreadLocalRandom.current().nextInt(150)); // slow: mostly longer than the 50 ms lock timeout
    if (failing && ThreadLocalRandom.current().nextInt(100) < 15) {
      throw new IllegalStateException("the database is down (test)");
    }
    return Long.toString(stamp);
  }

  private static synchronized void print(String line) {
    System.out.println("RESULT " + line);
  }
}
