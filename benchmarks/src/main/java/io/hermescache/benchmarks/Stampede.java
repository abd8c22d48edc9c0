package io.hermescache.benchmarks;

import io.hermescache.Hermes;
import io.hermescache.spi.Backend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stampede: N threads call one cold key at once, the loader takes {@code loadMillis}. Prints how many
 * times the loader ran and the callers' latency percentiles (after one warm-up round), with Hermes and with no cache in front
 * (every caller runs the loader). Not a JMH benchmark: the figure that matters is a count per round.
 *
 * <p>{@code java -cp benchmarks.jar io.hermescache.benchmarks.Stampede [threads] [loadMillis] [rounds]}
 */
public final class Stampede {

  private Stampede() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    int loadMillis = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    System.out.printf(Locale.ROOT, "Stampede on the %s backend: %d threads on one cold key, loader %d ms, %d rounds%n",
        System.getProperty("hermes.benchmark.backend", "inprocess"), threads, loadMillis, rounds);
    try (Hermes hermes = Hermes.builder().backend(backend()).build()) {
      report("Hermes", threads, loadMillis, rounds, (key, loader) -> hermes.cached(key, String.class, loader));
    }
    report("no cache", threads, loadMillis, rounds, (key, loader) -> loader.call());
  }

  /** The backend named by {@code -Dhermes.benchmark.backend} (default in-process). */
  static Backend backend() {
    return Backends.named(System.getProperty("hermes.benchmark.backend", "inprocess"));
  }

  interface Caller {
    String call(String key, Callable<String> loader) throws Exception;
  }

  private static void report(String name, int threads, int loadMillis, int rounds, Caller caller) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Long> latencies = new ArrayList<>();
      int[] computations = new int[rounds];
      for (int round = -1; round < rounds; round++) {
        String key = "stampede:" + name + ":" + round + ":" + System.nanoTime();
        AtomicInteger runs = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<Long>> calls = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          calls.add(pool.submit(() -> {
            start.await();
            long begin = System.nanoTime();
            caller.call(key, () -> {
              runs.incrementAndGet();
              Thread.sleep(loadMillis);
              return "value";
            });
            return System.nanoTime() - begin;
          }));
        }
        for (Future<Long> call : calls) {
          long latency = call.get(60, TimeUnit.SECONDS);
          if (round >= 0) {
            latencies.add(latency);
          }
        }
        if (round >= 0) {
          computations[round] = runs.get();
        }
      }
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      Function<Double, Double> percentile = p -> sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
      System.out.printf(Locale.ROOT, "%-9s computations per round %s; latency ms p50 %.1f, p99 %.1f, max %.1f%n", name,
          Arrays.toString(computations), percentile.apply(0.50), percentile.apply(0.99), sorted[sorted.length - 1] / 1e6);
    } finally {
      pool.shutdownNow();
    }
  }

}
