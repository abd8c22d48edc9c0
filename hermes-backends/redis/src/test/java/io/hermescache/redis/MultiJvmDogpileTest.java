package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.test.RedisServerExtension;
import io.hermescache.test.RedisUri;
import io.hermescache.test.WorkerJvms;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
  private WorkerJvms workers;

  MultiJvmDogpileTest(@RedisUri String uri) {
    this.uri = uri;
    this.redis = RedisClient.create(URI.create(uri));
  }

  @AfterEach
  void stopWorkers() throws IOException {
    if (workers != null) {
      workers.close();
    }
    redis.del(signals.all().toArray(String[]::new));
    redis.close();
  }

  @Test
  void fourJvmsComputeAColdKeyOnceAndAllGetIt() throws Exception {
    long start = System.nanoTime();
    startWorkersTogether();

    List<String> results = new ArrayList<>();
    for (int i = 0; i < JVMS; i++) {
      results.addAll(workers.results(i));
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
    int killed = IntStream.range(0, JVMS).filter(i -> workers.process(i).pid() == holder).findFirst().orElseThrow();
    workers.process(killed).destroyForcibly().waitFor();

    List<String> results = new ArrayList<>();
    for (int i = 0; i < JVMS; i++) {
      if (i != killed) {
        results.addAll(workers.results(i));
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
    workers = WorkerJvms.start(JVMS, DogpileWorker.class, uri, prefix, String.valueOf(THREADS), String.valueOf(LEASE_MILLIS));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!String.valueOf(JVMS).equals(redis.get(signals.ready))) {
      workers.assertAlive();
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
}
