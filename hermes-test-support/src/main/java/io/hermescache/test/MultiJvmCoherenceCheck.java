package io.hermescache.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The test's side of the randomized multi-JVM coherence check: starts worker JVMs running a
 * {@link CoherenceWorkload}, gives them one start signal, kills the one that hangs holding a lock
 * mid-computation, and gathers what every JVM (the killed one included, up to its death) did into a
 * {@link CoherenceHistory}.
 *
 * <pre>{@code
 * CoherenceHistory history = MultiJvmCoherenceCheck.run(4, MyWorker.class, counters, arguments);
 * List<String> violations = history.violations();
 * System.out.println(history.report(violations));
 * assertThat(violations).isEmpty();
 * }</pre>
 *
 * The worker main class calls {@link CoherenceWorkload#run} with the backend's settings and a
 * {@link SharedCounters} on the same server, and makes itself the victim when
 * {@link #isVictim(SharedCounters)} says so.
 */
public final class MultiJvmCoherenceCheck {

  /** How long the workers work once started. */
  public static final Duration WORK = Duration.ofSeconds(8);

  private static final String WORKERS = "workers";

  /** Runs {@code jvms} workers of {@code main} with {@code arguments}; {@code shared} is the test's view of their counters. */
  public static CoherenceHistory run(int jvms, Class<?> main, SharedCounters shared, String... arguments) throws Exception {
    try (WorkerJvms workers = WorkerJvms.start(jvms, main, arguments)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!String.valueOf(jvms).equals(shared.get(CoherenceWorkload.READY))) {
        workers.assertAlive();
        assertThat(System.nanoTime()).as("all workers ready within 60 s").isLessThan(deadline);
        Thread.sleep(20);
      }
      shared.set(CoherenceWorkload.GO, "now");

      String holder;
      deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while ((holder = shared.get(CoherenceWorkload.HOLDER)) == null) {
        assertThat(System.nanoTime()).as("the victim started a computation within 20 s").isLessThan(deadline);
        Thread.sleep(5);
      }
      long pid = Long.parseLong(holder.trim());
      int killed = -1;
      for (int i = 0; i < jvms; i++) {
        if (workers.process(i).pid() == pid) {
          killed = i;
          workers.process(i).destroyForcibly().waitFor();
        }
      }
      assertThat(killed).as("the victim is one of the workers").isNotNegative();

      CoherenceHistory history = new CoherenceHistory();
      for (int i = 0; i < jvms; i++) {
        if (i == killed) {
          history.add("worker" + i + "(killed)", workers.output(i).lines()
              .filter(line -> line.startsWith("RESULT ")).map(line -> line.substring("RESULT ".length())).toList());
        } else {
          history.add("worker" + i, workers.results(i));
        }
      }
      return history;
    }
  }

  /** In a worker: whether it is the one that hangs holding a lock (the first worker to ask). */
  public static boolean isVictim(SharedCounters shared) {
    return shared.increment(WORKERS) == 1;
  }

  /** The names of the shared counters and flags, for the test to delete afterwards. */
  public static List<String> sharedNames() {
    return List.of(CoherenceWorkload.CLOCK, CoherenceWorkload.HOLDER, CoherenceWorkload.READY, CoherenceWorkload.GO, WORKERS);
  }

  private MultiJvmCoherenceCheck() {}
}
