package io.hermescache.test;

import java.time.Duration;

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

  /**
   * Runs {@code jvms} workers of {@code main} with {@code arguments}; {@code shared} is the test's view of their
   * counters, which are deleted afterwards.
   */
  public static CoherenceHistory run(int jvms, Class<?> main, SharedCounters shared, String... arguments) throws Exception {
    try (WorkerJvms workers = WorkerJvms.start(jvms, main, arguments)) {
      workers.awaitReady(shared, Duration.ofSeconds(60));
      workers.signalStart(shared);

      String holder = workers.awaitFlag(shared, CoherenceWorkload.HOLDER, Duration.ofSeconds(20),
          "the victim started a computation within 20 s");
      int killed = workers.kill(Long.parseLong(holder.trim()));

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
    } finally {
      shared.delete(CoherenceWorkload.CLOCK, CoherenceWorkload.HOLDER, WorkerJvms.READY, WorkerJvms.GO, WORKERS);
    }
  }

  /** In a worker: whether it is the one that hangs holding a lock (the first worker to ask). */
  public static boolean isVictim(SharedCounters shared) {
    return shared.increment(WORKERS) == 1;
  }

  private MultiJvmCoherenceCheck() {}
}
