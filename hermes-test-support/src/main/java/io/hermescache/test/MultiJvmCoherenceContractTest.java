package io.hermescache.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The randomized coherence check of issue 14 across processes, the same on every shared backend: four JVMs
 * read three keys with slow loaders and a lock timeout shorter than most loads, invalidate keys, clean tags
 * and clean everything, for a few seconds; one JVM is killed while it holds a lock mid-computation. Every
 * event is stamped with one logical clock on the server ({@link SharedCounters}); the check finds no read
 * served a value whose computation started before an invalidation (of its key, one of its tags, or all)
 * that had returned before the read started, and prints how many operations it checked.
 *
 * <p>A backend's test extends this class, naming the server and its worker: a main class that runs
 * {@link CoherenceWorkload} (see {@link MultiJvmCoherenceCheck}) with the backend's settings and the server's
 * {@link SharedCounters}. Scenarios of its own use {@link #check}.
 */
public abstract class MultiJvmCoherenceContractTest {

  private static final int JVMS = 4;

  private final WorkerServer server;
  private final Class<?> worker;

  /**
   * @param server the server under test
   * @param worker the worker main class; its arguments are the server's connection, the Hermes prefix, the
   *     milliseconds of work and the options given to {@link #check}
   */
  protected MultiJvmCoherenceContractTest(WorkerServer server, Class<?> worker) {
    this.server = server;
    this.worker = worker;
  }

  /** Today waiters that gave up on the lock store values older than {@code invalidate(key)}: violations. */
  @Test
  @Tag(CoherenceContractTest.KNOWN_DEFECT)
  void fourJvmsServeNoValueOlderThanAnInvalidationThatReturned() throws Exception {
    CoherenceHistory history = check();

    List<String> violations = history.violations();
    System.out.println(server.name() + " " + history.report(violations));
    assertThat(history.reads()).as("the check did work").hasSizeGreaterThan(200);
    assertThat(history.invalidations()).extracting(CoherenceHistory.Invalidation::kind).contains("key", "tag", "all");
    assertThat(violations).as(history.report(violations)).isEmpty();
  }

  /** Runs the check on {@value #JVMS} workers, under a prefix of its own, passing them {@code workerOptions}. */
  protected final CoherenceHistory check(String... workerOptions) throws Exception {
    String prefix = "coherence-" + UUID.randomUUID().toString().substring(0, 8);
    String[] arguments = Stream.concat(Stream.of(server.connection(), prefix,
        String.valueOf(MultiJvmCoherenceCheck.WORK.toMillis())), Stream.of(workerOptions)).toArray(String[]::new);
    try (SharedCounters counters = server.counters(prefix)) {
      return MultiJvmCoherenceCheck.run(JVMS, worker, counters, arguments);
    }
  }
}
