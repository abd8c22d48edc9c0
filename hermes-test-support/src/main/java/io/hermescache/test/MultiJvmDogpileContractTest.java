package io.hermescache.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dogpile protection across processes, the same on every shared backend: {@value #JVMS} JVMs of
 * {@value #THREADS} threads each call one cold key of about a second at the same moment
 * ({@link DogpileWorkload}); the method body runs once, in one JVM, and every caller gets its value.
 *
 * <p>A backend's test extends this class, naming the server and its worker: a main class that runs
 * {@link DogpileWorkload} with the backend's settings and the server's {@link SharedCounters}. Scenarios of
 * its own use {@link #startWorkersTogether()}, {@link #workers} and {@link #shared}.
 */
public abstract class MultiJvmDogpileContractTest {

  protected static final int JVMS = 4;
  protected static final int THREADS = 16;

  /** The Hermes prefix of this run. */
  protected final String prefix = "dogpile-" + UUID.randomUUID().toString().substring(0, 8);
  /** The counters and flags the workers share, on the server under test. */
  protected SharedCounters shared;
  /** The workers of the current test, once started. */
  protected WorkerJvms workers;

  private final WorkerServer server;
  private final Class<?> worker;

  /**
   * @param server the server under test
   * @param worker the worker main class; its arguments are the server's connection, the Hermes prefix and the
   *     number of threads
   */
  protected MultiJvmDogpileContractTest(WorkerServer server, Class<?> worker) {
    this.server = server;
    this.worker = worker;
  }

  @BeforeEach
  void openCounters() {
    shared = server.counters(prefix);
  }

  @AfterEach
  void stopWorkers() throws IOException {
    if (workers != null) {
      workers.close();
    }
    shared.delete(WorkerJvms.READY, WorkerJvms.GO, DogpileWorkload.LOADS, DogpileWorkload.HOLDER);
    shared.close();
  }

  @Test
  void fourJvmsComputeAColdKeyOnceAndAllGetIt() throws Exception {
    long start = System.nanoTime();
    startWorkersTogether();

    List<String> results = workers.resultsOfAll();

    assertThat(shared.get(DogpileWorkload.LOADS)).as("runs of the method body across all JVMs").isEqualTo("1");
    assertThat(results).hasSize(JVMS * THREADS).containsOnly("computed by " + shared.get(DogpileWorkload.HOLDER));
    System.out.printf("%s: %d JVMs x %d threads, one computation: %d ms including JVM start-up%n", server.name(),
        JVMS, THREADS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  /** Starts the workers, waits until all are warmed up, then gives the one start signal. */
  protected final void startWorkersTogether() throws IOException, InterruptedException {
    workers = WorkerJvms.start(JVMS, worker, server.connection(), prefix, String.valueOf(THREADS));
    workers.awaitReady(shared, Duration.ofSeconds(30));
    workers.signalStart(shared);
  }
}
