package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.test.DogpileWorkload;
import io.hermescache.test.MultiJvmDogpileContractTest;
import io.hermescache.test.RedisServerExtension;
import io.hermescache.test.RedisUri;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Dogpile protection across processes through one Redis; here also when the JVM computing the key dies. */
@ExtendWith(RedisServerExtension.class)
class MultiJvmDogpileTest extends MultiJvmDogpileContractTest {

  /** The workers' lock lease: how long the others wait for a lock holder that died. */
  static final long LEASE_MILLIS = 2000;

  MultiJvmDogpileTest(@RedisUri String uri) {
    super(RedisCounters.server(uri), DogpileWorker.class);
  }

  @Test
  void whenTheHolderDiesOneOtherJvmRecomputesAfterTheLease() throws Exception {
    long start = System.nanoTime();
    startWorkersTogether();
    long holder = Long.parseLong(workers.awaitFlag(shared, DogpileWorkload.HOLDER, Duration.ofSeconds(10),
        "a worker started computing"));
    int killed = workers.kill(holder);

    List<String> results = workers.resultsOfAllBut(killed);

    assertThat(shared.get(DogpileWorkload.LOADS)).as("the killed run and exactly one recomputation").isEqualTo("2");
    String recomputer = shared.get(DogpileWorkload.HOLDER);
    assertThat(recomputer).isNotEqualTo(Long.toString(holder));
    assertThat(results).hasSize((JVMS - 1) * THREADS).containsOnly("computed by " + recomputer);
    System.out.printf("holder killed, %d JVMs recovered after a %d ms lease: %d ms including JVM start-up%n",
        JVMS - 1, LEASE_MILLIS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }
}
