package io.hermescache.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.test.MemcachedServerExtension;
import io.hermescache.test.MemcachedServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
  private final List<Process> workers = new ArrayList<>();
  private final List<Path> outputs = new ArrayList<>();

  MultiJvmDogpileTest(@MemcachedServers String servers) throws IOException {
    this.servers = servers;
    this.memcached = signals.client(servers);
  }

  @AfterEach
  void stopWorkers() throws IOException {
    workers.forEach(Process::destroyForcibly);
    signals.all().forEach(memcached::delete);
    memcached.shutdown();
    for (Path output : outputs) {
      Files.deleteIfExists(output);
    }
  }

  @Test
  void fourJvmsComputeAColdKeyOnceAndAllGetIt() throws Exception {
    long start = System.nanoTime();
    startWorkersTogether();

    List<String> results = new ArrayList<>();
    for (int i = 0; i < JVMS; i++) {
      results.addAll(resultsOf(i));
    }

    assertThat(DogpileWorker.Signals.count(memcached, signals.loads)).as("runs of the method body across all JVMs")
        .isEqualTo(1);
    assertThat(results).hasSize(JVMS * THREADS).containsOnly(results.get(0));
    System.out.printf("memcached: %d JVMs x %d threads, one computation: %d ms including JVM start-up%n", JVMS,
        THREADS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  /** Starts the workers, waits until all are warmed up, then gives the one start signal. */
  private void startWorkersTogether() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int i = 0; i < JVMS; i++) {
      Path output = Files.createTempFile(Path.of("target"), "dogpile-worker-", ".log");
      outputs.add(output);
      workers.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DogpileWorker.class.getName(),
          servers, prefix, String.valueOf(THREADS)).redirectErrorStream(true).redirectOutput(output.toFile()).start());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (DogpileWorker.Signals.count(memcached, signals.ready) < JVMS) {
      for (int i = 0; i < JVMS; i++) {
        assertThat(workers.get(i).isAlive()).as("worker %d is running; its output:%n%s", i, output(i)).isTrue();
      }
      assertThat(System.nanoTime()).as("all workers ready within 30 s").isLessThan(deadline);
      Thread.sleep(20);
    }
    memcached.set(signals.go, 60, "now").get();
  }

  private List<String> resultsOf(int worker) throws Exception {
    Process process = workers.get(worker);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("worker %d finished", worker).isTrue();
    assertThat(process.exitValue()).as("exit of worker %d; its output:%n%s", worker, output(worker)).isZero();
    return Files.readAllLines(outputs.get(worker)).stream().filter(line -> line.startsWith("RESULT "))
        .map(line -> line.substring("RESULT ".length())).collect(Collectors.toList());
  }

  private String output(int worker) {
    try {
      return Files.readString(outputs.get(worker));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
