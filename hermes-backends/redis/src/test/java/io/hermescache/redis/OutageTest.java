package io.hermescache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Settings;
import io.hermescache.test.LocalRedis;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hermes on a Redis server that goes away (stopped) or stops answering (paused with SIGSTOP): every call
 * still answers, no call waits longer than twice the configured timeout, the circuit breaker keeps most calls from
 * waiting at all, and the cache is used again once the server is back, without a restart. Each test prints
 * its figures on a line starting with {@code FIGURE}, for the reliability page.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OutageTest {

  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final Duration OUTAGE = Duration.ofSeconds(4);
  /** What a call may take beyond the timeout: the bypassing computation and a busy machine. */
  private static final Duration MARGIN = Duration.ofMillis(300);

  private final LocalRedis server = LocalRedis.start();
  private final AtomicInteger loads = new AtomicInteger();

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void callsBypassAStoppedServerAndUseItAgainAfterItsRestart() throws Exception {
    try (Hermes hermes = hermes()) {
      warmUp(hermes);

      server.stop();
      Outage outage = callThrough(hermes, OUTAGE);
      assertThat(outage.slowest).as("no call waits for a timeout").isLessThan(TIMEOUT);
      assertThat(hermes.stats().total().errors()).isPositive();

      server.restart();
      Duration recovery = timeToRecover(hermes);
      assertThat(recovery).as("the circuit probes again within its pause (4 s after a 4 s outage)")
          .isLessThan(Duration.ofSeconds(8));
      print("redis stopped", outage, recovery);
    }
  }

  @Test
  void callsOnAPausedServerAreBoundedByTheTimeoutAndMostSkipIt() throws Exception {
    try (Hermes hermes = hermes()) {
      warmUp(hermes);

      server.pause();
      Outage outage = callThrough(hermes, OUTAGE);
      // Twice: Jedis' pool replaces the timed-out connection within the failing call, and the new one's
      // handshake (HELLO) waits for the paused server too.
      assertThat(outage.slowest).as("a call waits at most twice the timeout").isLessThan(TIMEOUT.multipliedBy(2).plus(MARGIN));
      assertThat(outage.waited).as("the circuit opens after 3 timeouts, then one probe per pause (0.5, 1, 2 s)")
          .isLessThanOrEqualTo(7);
      assertThat(outage.answered).as("the others answer at once").isGreaterThan(100);

      server.resume();
      Duration recovery = timeToRecover(hermes);
      assertThat(recovery).isLessThan(Duration.ofSeconds(8));
      print("redis paused (SIGSTOP)", outage, recovery);
    }
  }

  /** What callers saw during an outage: calls answered, the slowest, and how many waited for the timeout. */
  private record Outage(int answered, Duration slowest, int waited) {}

  private Hermes hermes() {
    return Hermes.builder().configure(Settings.of(Map.of("hermes.backend", "redis", "hermes.redis.uri", server.uri(),
        "hermes.redis.timeout", TIMEOUT.toString()))).build();
  }

  private void warmUp(Hermes hermes) {
    assertThat(call(hermes)).isEqualTo(1);
    assertThat(call(hermes)).as("cached").isEqualTo(1);
  }

  /** Calls without pause for {@code period}; each answer must be a fresh computation, since the cache is away. */
  private Outage callThrough(Hermes hermes, Duration period) {
    long end = System.nanoTime() + period.toNanos();
    int answered = 0;
    int waited = 0;
    Duration slowest = Duration.ZERO;
    while (System.nanoTime() < end) {
      int expected = loads.get() + 1;
      long start = System.nanoTime();
      assertThat(call(hermes)).as("computed without the cache").isEqualTo(expected);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      answered++;
      slowest = took.compareTo(slowest) > 0 ? took : slowest;
      waited += took.compareTo(TIMEOUT.dividedBy(2)) >= 0 ? 1 : 0;
    }
    return new Outage(answered, slowest, waited);
  }

  /** From now until two calls in a row share one value: the cache is in use again. */
  private Duration timeToRecover(Hermes hermes) throws InterruptedException {
    long start = System.nanoTime();
    while (call(hermes) != call(hermes)) {
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the cache is used again").isLessThan(Duration.ofSeconds(20));
      Thread.sleep(10);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private int call(Hermes hermes) {
    return hermes.cached("answer", Integer.class, loads::incrementAndGet);
  }

  private static void print(String fault, Outage outage, Duration recovery) {
    System.out.printf("FIGURE | %s for %d s, timeout %d ms | %d calls answered | slowest %d ms | %d calls waited"
        + " for the timeout | cache used again %d ms after the server was back%n", fault, OUTAGE.toSeconds(),
        TIMEOUT.toMillis(), outage.answered, outage.slowest.toMillis(), outage.waited, recovery.toMillis());
  }
}
