package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.test.RedisServerExtension;
import io.hermescache.test.RedisUri;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/**
 * Dogpile protection across processes: {@value #JVMS} JVMs of {@value #THREADS} threads each call one cold
 * key of about a second at the same moment, through one Redis.
 */
@ExtendWith(RedisServerExtension.class)
class MultiJvmDogpileTest {

  private static final int JVMS = 4;
  private static final int THREADS = 16;
  private static final long LEASE_MILLIS = 2000;

  private final String uri;
  private final String prefix = "dogpile-" + UUID.randomUUID().toString().substring(0, 8);
  private final DogpileWorker.Signals signals = new DogpileWorker.Signals(prefix);
  private final RedisClient redis;
  private final List<Process> workers = new ArrayList<>();
  private final List<Path> outputs = new ArrayList<>();

  MultiJvmDogpileTest(@RedisUri String uri) {
    this.uri = uri;
    this.redis = RedisClient.create(URI.create(uri));
  }

  @AfterEach
  void stopWorkers() throws IOException {
    workers.forEach(Process::destroyForcibly);
    redis.del(signals.all().toArray(String[]::new));
    redis.close();
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

    assertThat(redis.get(signals.loads)).as("runs of the method body across all JVMs").isEqualTo("1");
    assertThat(results).hasSize(JVMS * THREADS).containsOnly("computed by " + redis.get(signals.holder));
    System.out.printf("%d JVMs x %d threads, one computation: %d ms including JVM start-up%n", JVMS, THREADS,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  @Test
  void whenTheHolderDiesOneOtherJvmRecomputesAfterTheLease() throws Exception {
    long start = System.nanoTime();
    startWorkersTogether();
    long holder = awaitHolder();
    Process killed = workers.stream().filter(worker -> worker.pid() == holder).findFirst().orElseThrow();
    killed.destroyForcibly().waitFor();

    List<String> results = new ArrayList<>();
    for (int i = 0; i < JVMS; i++) {
      if (workers.get(i) != killed) {
        results.addAll(resultsOf(i));
      }
    }

    assertThat(redis.get(signals.loads)).as("the killed run and exactly one recomputation").isEqualTo("2");
    String recomputer = redis.get(signals.holder);
    assertThat(recomputer).isNotEqualTo(Long.toString(holder));
    assertThat(results).hasSize((JVMS - 1) * THREADS).containsOnly("computed by " + recomputer);
    System.out.printf("holder killed, %d JVMs recovered after a %d ms lease: %d ms including JVM start-up%n",
        JVMS - 1, LEASE_MILLIS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  /** Starts the workers, waits until all are warmed up, then gives the one start signal. */
  private void startWorkersTogether() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int i = 0; i < JVMS; i++) {
      Path output = Files.createTempFile(Path.of("target"), "dogpile-worker-", ".log");
      outputs.add(output);
      workers.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DogpileWorker.class.getName(),
          uri, prefix, String.valueOf(THREADS), String.valueOf(LEASE_MILLIS))
          .redirectErrorStream(true).redirectOutput(output.toFile()).start());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!String.valueOf(JVMS).equals(redis.get(signals.ready))) {
      for (int i = 0; i < JVMS; i++) {
        assertThat(workers.get(i).isAlive()).as("worker %d is running; its output:%n%s", i, output(i)).isTrue();
      }
      assertThat(System.nanoTime()).as("all workers ready within 30 s").isLessThan(deadline);
      Thread.sleep(20);
    }
    redis.set(signals.go, "now");
  }

  private long awaitHolder() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    String holder;
    while ((holder = redis.get(signals.holder)) == null) {
      assertThat(System.nanoTime()).as("a worker started computing").isLessThan(deadline);
      Thread.sleep(5);
    }
    return Long.parseLong(holder);
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
