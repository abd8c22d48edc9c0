package io.hermescache.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.test.MemcachedServerExtension;
import io.hermescache.test.MemcachedServers;
import io.hermescache.test.WorkerJvms;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import net.spy.memcached.MemcachedClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Dogpile protection across processes on memcached: {@value #JVMS} JVMs of {@value #THREADS} threads each
 * call one cold key of about a second at the same moment; the lock is memcached {@code add}.
 */
@ExtendWith(MemcachedServerExtension.class)
class MultiJvmDogpileTest {

  private static final int JVMS = 4;
  private static final int THREADS = 16;

  private final String servers;
  private final String prefix = "dogpile-" + UUID.randomUUID().toString().substring(0, 8);
  private final DogpileWorker.Signals signals = new DogpileWorker.Signals(prefix);
  private final MemcachedClient memcached;
  private WorkerJvms workers;

  MultiJvmDogpileTest(@MemcachedServers String servers) throws IOException {
    this.servers = servers;
    this.memcached = signals.client(servers);
  }

  @AfterEach
  void stopWorkers() throws IOException {
    if (workers != null) {
      workers.close();
    }
    signals.all().forEach(memcached::delete);
    memcached.shutdown();
  }

  @Test
  void fourJvmsComputeAColdKeyOnceAndAllGetIt() throws Exception {
    long start = System.nanoTime();
    startWorkersTogether();

    List<String> results = new ArrayList<>();
    for (int i = 0; i < JVMS; i++) {
      results.addAll(workers.results(i));
    }

    assertThat(DogpileWorker.Signals.count(memcached, signals.loads)).as("runs of the method body across all JVMs")
        .isEqualTo(1);
    assertThat(results).hasSize(JVMS * THREADS).containsOnly(results.get(0));
    System.out.printf("memcached: %d JVMs x %d threads, one computation: %d ms including JVM start-up%n", JVMS,
        THREADS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  /** Starts the workers, waits until all are warmed up, then gives the one start signal. */
  private void startWorkersTogether() throws Exception {
    workers = WorkerJvms.start(JVMS, DogpileWorker.class, servers, prefix, String.valueOf(THREADS));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (DogpileWorker.Signals.count(memcached, signals.ready) < JVMS) {
      workers.assertAlive();
      assertThat(System.nanoTime()).as("all workers ready within 30 s").isLessThan(deadline);
      Thread.sleep(20);
    }
    memcached.set(signals.go, 60, "now").get();
  }
}
