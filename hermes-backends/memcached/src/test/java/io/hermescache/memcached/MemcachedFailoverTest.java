package io.hermescache.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.HermesException;
import io.hermescache.spi.Settings;
import io.hermescache.test.LocalServer;
import io.hermescache.test.MemcachedServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Servers that stop: the other server takes their keys at once; the cache is used again when they return. */
class MemcachedFailoverTest {

  private static final int KEYS = 40;
  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private final AtomicInteger loads = new AtomicInteger();

  @Test
  void keepsAnsweringAndCachingWhenOneOfTwoServersStops() {
    try (LocalServer first = MemcachedServerExtension.startDedicated();
        LocalServer second = MemcachedServerExtension.startDedicated();
        Hermes hermes = Hermes.builder().configure(Settings.of(Map.of("hermes.backend", "memcached",
            "hermes.memcached.servers", address(first) + "," + address(second),
            "hermes.memcached.timeout", TIMEOUT.toString()))).build()) {
      readAll(hermes);
      assertThat(loads).hasValue(KEYS);
      assertThat(entriesOn(first)).as("keys are spread over both servers").isPositive();
      assertThat(entriesOn(second)).as("keys are spread over both servers").isPositive();

      second.stop();
      noticeTheStop(hermes);
      long errorsBefore = hermes.stats().total().errors();
      Duration slowest = readAll(hermes);
      int loadsAfterFailover = loads.get();
      Duration slowestCached = readAll(hermes);

      assertThat(slowest).as("no call waits on the stopped server").isLessThan(TIMEOUT);
      assertThat(slowestCached).isLessThan(TIMEOUT);
      assertThat(loads).as("the keys of the stopped server are cached on the other one").hasValue(loadsAfterFailover);
      assertThat(entriesOn(first)).isEqualTo(KEYS);
      assertThat(hermes.stats().total().errors()).isEqualTo(errorsBefore);
    }
  }

  @Test
  void answersWithoutTheServerAndUsesItAgainWhenItReturns() throws InterruptedException {
    try (LocalServer server = MemcachedServerExtension.startDedicated();
        Hermes hermes = Hermes.builder().configure(Settings.of(Map.of("hermes.backend", "memcached",
            "hermes.memcached.servers", address(server), "hermes.memcached.timeout", TIMEOUT.toString()))).build()) {
      server.stop();
      long start = System.nanoTime();
      assertThat(readOne(hermes)).isEqualTo("value");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.multipliedBy(3));
      assertThat(hermes.stats().total().errors()).isEqualTo(1);

      server.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
      while (hermes.stats().total().hits() == 0) {
        assertThat(System.nanoTime()).as("the returned server is used again within 45 s").isLessThan(deadline);
        readOne(hermes);
        Thread.sleep(100);
      }
    }
  }

  /**
   * One of two servers stopped for four seconds mid-run, then started again: every call answers, none waits
   * for a timeout once the stop is noticed, and the returned server holds entries again. Prints its figures
   * on a line starting with {@code FIGURE}, for the reliability page.
   */
  @Test
  void oneOfTwoServersStoppedAndRestartedMidRun() throws InterruptedException {
    try (LocalServer first = MemcachedServerExtension.startDedicated();
        LocalServer second = MemcachedServerExtension.startDedicated();
        Hermes hermes = Hermes.builder().configure(Settings.of(Map.of("hermes.backend", "memcached",
            "hermes.memcached.servers", address(first) + "," + address(second),
            "hermes.memcached.timeout", TIMEOUT.toString()))).build()) {
      readAll(hermes);

      second.stop();
      long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
      int answered = 0;
      Duration slowest = Duration.ZERO;
      while (System.nanoTime() < end) {
        Duration round = readAll(hermes);
        slowest = round.compareTo(slowest) > 0 ? round : slowest;
        answered += KEYS;
      }
      assertThat(slowest).as("a call waits at most twice the timeout, once, while the stop is noticed")
          .isLessThan(TIMEOUT.multipliedBy(2).plusMillis(300));

      second.start();
      long restarted = System.nanoTime();
      while (entriesOn(second) == 0) {
        assertThat(Duration.ofNanos(System.nanoTime() - restarted)).as("the returned server is used again").isLessThan(Duration.ofSeconds(45));
        readAll(hermes);
        Thread.sleep(50);
      }
      Duration recovery = Duration.ofNanos(System.nanoTime() - restarted);
      System.out.printf("FIGURE | memcached: one of two servers stopped for 4 s, timeout %d ms | %d calls answered"
          + " | slowest %d ms | cache used again on the returned server %d ms after it was back%n", TIMEOUT.toMillis(),
          answered, slowest.toMillis(), recovery.toMillis());
    }
  }

  /**
   * One of two servers paused (SIGSTOP) for four seconds: its connection stays up, so the client cannot skip
   * it, and its keys time out. Every call answers, none waits much more than the timeout, and after three
   * failures the circuit opens, so that nearly every call answers at once; the cache is used again soon
   * after the server resumes. Prints its figures on a line starting with {@code FIGURE}.
   */
  @Test
  void oneOfTwoServersPausedMidRun() throws InterruptedException {
    try (LocalServer first = MemcachedServerExtension.startDedicated();
        LocalServer second = MemcachedServerExtension.startDedicated();
        Hermes hermes = Hermes.builder().configure(Settings.of(Map.of("hermes.backend", "memcached",
            "hermes.memcached.servers", address(first) + "," + address(second),
            "hermes.memcached.timeout", TIMEOUT.toString()))).build()) {
      readAll(hermes);

      second.pause();
      long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
      int answered = 0;
      int waited = 0;
      Duration slowest = Duration.ZERO;
      while (System.nanoTime() < end) {
        int i = answered % KEYS;
        long start = System.nanoTime();
        assertThat(read(hermes, i)).isEqualTo("value " + i);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        slowest = took.compareTo(slowest) > 0 ? took : slowest;
        waited += took.compareTo(TIMEOUT.dividedBy(2)) >= 0 ? 1 : 0;
        answered++;
      }
      assertThat(slowest).as("a call waits about the timeout at most").isLessThan(TIMEOUT.multipliedBy(2).plusMillis(300));
      assertThat(waited).as("the circuit opens after 3 timeouts, then one probe per pause (0.5, 1, 2 s)").isLessThanOrEqualTo(7);
      assertThat(answered).isGreaterThan(100);

      second.resume();
      long resumed = System.nanoTime();
      long hitsBefore = hermes.stats().total().hits();
      while (hermes.stats().total().hits() == hitsBefore) {
        assertThat(Duration.ofNanos(System.nanoTime() - resumed)).as("the cache is used again").isLessThan(Duration.ofSeconds(20));
        read(hermes, 0);
        Thread.sleep(10);
      }
      Duration recovery = Duration.ofNanos(System.nanoTime() - resumed);
      System.out.printf("FIGURE | memcached: one of two servers paused (SIGSTOP) for 4 s, timeout %d ms | %d calls"
          + " answered | slowest %d ms | %d calls waited for the timeout | cache used again %d ms after it resumed%n",
          TIMEOUT.toMillis(), answered, slowest.toMillis(), waited, recovery.toMillis());
    }
  }

  private String read(Hermes hermes, int i) {
    return hermes.cached("key" + i, List.of("tag"), Duration.ofMinutes(5), String.class, () -> {
      loads.incrementAndGet();
      return "value " + i;
    });
  }

  private String readOne(Hermes hermes) {
    return hermes.cached("one", String.class, () -> {
      loads.incrementAndGet();
      return "value";
    });
  }

  /**
   * Reads from both servers once. An operation already sent to a server when it dies can fail (and the call is
   * answered without the cache); the client marks the server down on that failure, if not before.
   */
  private static void noticeTheStop(Hermes hermes) {
    List<String> keys = IntStream.range(0, KEYS).mapToObj(i -> "cache:entry:key" + i).toList();
    try {
      hermes.backend().getAll(keys);
    } catch (HermesException e) {
      // the failure this is here to absorb
    }
  }

  /** Reads every key, checking its value; the slowest call. */
  private Duration readAll(Hermes hermes) {
    Duration slowest = Duration.ZERO;
    for (int i = 0; i < KEYS; i++) {
      String expected = "value " + i;
      long start = System.nanoTime();
      String value = hermes.cached("key" + i, List.of("tag"), Duration.ofMinutes(5), String.class, () -> {
        loads.incrementAndGet();
        return expected;
      });
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      slowest = took.compareTo(slowest) > 0 ? took : slowest;
      assertThat(value).isEqualTo(expected);
    }
    return slowest;
  }

  private static long entriesOn(LocalServer server) {
    return MemcachedInspector.keys(address(server)).stream().filter(key -> key.startsWith("cache:entry:")).count();
  }

  private static String address(LocalServer server) {
    return server.host() + ":" + server.port();
  }
}
