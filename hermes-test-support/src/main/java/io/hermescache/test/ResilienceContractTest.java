package io.hermescache.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.CacheOptions;
import io.hermescache.CacheStats;
import io.hermescache.Hermes;
import io.hermescache.HermesTimeoutException;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Serialiser;
import io.hermescache.spi.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Resilience per method (DESIGN.md; issue 17) on the server a subclass provides, with two Hermes instances
 * sharing it as two nodes would: fail-safe under a failing method, soft and hard timeouts, refresh ahead on a
 * hot key, and invalidations that win over all three. Real time: expiry, throttle and timeouts are what is
 * measured; the figures are printed (and quoted on the site's Resilience page).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class ResilienceContractTest {

  private static final int THREADS = 8;

  /** A new backend on the server under test; it is closed after each test. */
  protected abstract Backend createBackend();

  private final List<Hermes> nodes = new ArrayList<>();
  private final ExecutorService callers = Executors.newFixedThreadPool(THREADS);
  private String prefix;

  @BeforeEach
  void newPrefix() {
    prefix = "res-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void close() {
    callers.shutdownNow();
    nodes.forEach(Hermes::close);
  }

  private Hermes node(Map<String, String> configuration) {
    Map<String, String> settings = new java.util.HashMap<>(configuration);
    settings.put("hermes.backend", "none");
    Hermes hermes = Hermes.builder().configure(Settings.of(settings)).backend(createBackend()).prefix(prefix)
        .serialiser(new Text()).build();
    nodes.add(hermes);
    return hermes;
  }

  private static CacheOptions.Builder options(Duration ttl) {
    return CacheOptions.builder(String.class).ttl(ttl).tags("t").statsGroup("resilience");
  }

  private static long total(List<Hermes> hermes, java.util.function.ToLongFunction<CacheStats> counter) {
    return hermes.stream().mapToLong(h -> counter.applyAsLong(h.stats().of("resilience"))).sum();
  }

  /** Runs {@code call} on every caller thread, again and again, for {@code duration}; the answers. */
  private List<Answer> hammer(Duration duration, Callable<String> call) throws Exception {
    long end = System.nanoTime() + duration.toNanos();
    List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      running.add(callers.submit(() -> {
        while (System.nanoTime() - end < 0) {
          long start = System.nanoTime();
          String value;
          try {
            value = call.call();
          } catch (Exception e) {
            value = "failed: " + e;
          }
          answers.add(new Answer(value, System.nanoTime() - start));
        }
        return null;
      }));
    }
    for (Future<?> future : running) {
      future.get();
    }
    return answers;
  }

  private record Answer(String value, long nanos) {}

  /** Values are strings: the backend modules test without a JSON-B implementation. */
  private static final class Text implements Serialiser {
    @Override
    public byte[] serialise(Object value, java.lang.reflect.Type type) {
      return ((String) value).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Object deserialise(byte[] bytes, java.lang.reflect.Type type) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static long percentileMillis(List<Answer> answers, double percentile) {
    long[] nanos = answers.stream().mapToLong(Answer::nanos).sorted().toArray();
    return TimeUnit.NANOSECONDS.toMillis(nanos[(int) Math.min(nanos.length - 1, Math.ceil(percentile * nanos.length) - 1)]);
  }

  @Test
  void withTheDatabaseDownEveryCallIsAnsweredStaleAndTheMethodIsCalledOncePerThrottlePeriod() throws Exception {
    Map<String, String> config = Map.of("hermes.fail-safe.throttle", "PT1S");
    List<Hermes> both = List.of(node(config), node(config));
    CacheOptions failSafe = options(Duration.ofSeconds(1)).staleFor(Duration.ofHours(1)).build();
    both.get(0).cached("db", failSafe, () -> "v1");
    Thread.sleep(1100); // the value expires: only time does that
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger turn = new AtomicInteger();
    List<Answer> answers = hammer(Duration.ofMillis(3500), () -> both.get(turn.incrementAndGet() % 2)
        .cached("db", failSafe, () -> {
          calls.incrementAndGet();
          throw new IllegalStateException("database down");
        }));
    long stale = answers.stream().filter(a -> a.value().equals("v1")).count();
    System.out.printf("[resilience] fail-safe: %d calls, %d answered stale (%.1f%%), method called %d times in 3.5 s"
        + " (throttle 1 s), p99 %d ms%n", answers.size(), stale, 100.0 * stale / answers.size(), calls.get(),
        percentileMillis(answers, 0.99));
    assertThat(stale).as("every call answered with the stale value").isEqualTo(answers.size());
    assertThat(calls.get()).as("once per throttle period, cluster-wide").isBetween(3, 5);
    assertThat(total(both, CacheStats::stale)).isEqualTo(calls.get());
  }

  @Test
  void aSlowMethodWithASoftTimeoutAnswersStaleFastAndComputesOnce() throws Exception {
    List<Hermes> both = List.of(node(Map.of()), node(Map.of()));
    both.get(0).cached("slow", options(Duration.ofSeconds(1)).staleFor(Duration.ofHours(1)).build(), () -> "v1");
    Thread.sleep(1100);
    // a long TTL for the new value: a 2 s computation with a short one would be refreshed early (XFetch)
    CacheOptions soft = options(Duration.ofMinutes(1)).staleFor(Duration.ofHours(1)).softTimeout(Duration.ofMillis(50))
        .build();
    AtomicInteger computations = new AtomicInteger();
    CountDownLatch returned = new CountDownLatch(1);
    AtomicInteger turn = new AtomicInteger();
    List<Answer> answers = hammer(Duration.ofMillis(1500), () -> both.get(turn.incrementAndGet() % 2)
        .cached("slow", soft, () -> {
          computations.incrementAndGet();
          Thread.sleep(2000);
          returned.countDown();
          return "v2";
        }));
    long p99 = percentileMillis(answers, 0.99);
    System.out.printf("[resilience] soft timeout 50 ms, method 2 s: %d calls, p50 %d ms, p99 %d ms, max %d ms,"
        + " %d computation(s)%n", answers.size(), percentileMillis(answers, 0.5), p99, percentileMillis(answers, 1),
        computations.get());
    assertThat(answers).allSatisfy(a -> assertThat(a.value()).isEqualTo("v1"));
    assertThat(p99).isLessThan(100);
    assertThat(returned.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(eventually(() -> both.get(1).cached("slow", soft, () -> "v3"), "v2")).isEqualTo("v2");
    assertThat(computations).hasValue(1);
  }

  @Test
  void aHardTimeoutThrowsAtTheTimeoutAndTheValueIsStoredWhenTheMethodFinishes() throws Exception {
    Hermes hermes = node(Map.of());
    CacheOptions hard = options(Duration.ofMinutes(1)).hardTimeout(Duration.ofMillis(200)).build();
    AtomicInteger computations = new AtomicInteger();
    CountDownLatch returned = new CountDownLatch(1);
    long start = System.nanoTime();
    assertThatThrownBy(() -> hermes.cached("hard", hard, () -> {
      computations.incrementAndGet();
      Thread.sleep(1000);
      returned.countDown();
      return "v1";
    })).isInstanceOf(HermesTimeoutException.class);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf("[resilience] hard timeout 200 ms: thrown after %d ms%n", millis);
    assertThat(millis).isBetween(200L, 600L);
    assertThat(returned.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(eventually(() -> hermes.cached("hard", hard, () -> "not called"), "v1")).isEqualTo("v1");
    assertThat(computations).hasValue(1);
    assertThat(hermes.stats().of("resilience").timeouts()).isEqualTo(1);
  }

  @Test
  void aHotKeyIsRefreshedAheadOncePerRefreshAndNoCallerMisses() throws Exception {
    List<Hermes> both = List.of(node(Map.of()), node(Map.of()));
    CacheOptions ahead = options(Duration.ofSeconds(2)).refreshAhead(0.5).build();
    AtomicLong computations = new AtomicLong();
    both.get(0).cached("hot", ahead, () -> "v" + computations.incrementAndGet());
    AtomicInteger turn = new AtomicInteger();
    List<Answer> answers = hammer(Duration.ofSeconds(5), () -> both.get(turn.incrementAndGet() % 2)
        .cached("hot", ahead, () -> {
          Thread.sleep(50);
          return "v" + computations.incrementAndGet();
        }));
    long misses = total(both, CacheStats::misses);
    long refreshes = total(both, CacheStats::refreshes);
    System.out.printf("[resilience] refresh ahead 0.5 of 2 s over 5 s: %d calls, %d miss(es), %d refreshes,"
        + " %d computations, p99 %d ms, values seen %d%n", answers.size(), misses, refreshes, computations.get(),
        percentileMillis(answers, 0.99), answers.stream().map(Answer::value).distinct().count());
    assertThat(misses).as("only the very first call").isEqualTo(1);
    assertThat(refreshes).as("a refresh every second or so").isBetween(3L, 6L);
    assertThat(computations.get()).as("one computation per refresh").isEqualTo(misses + refreshes);
    assertThat(answers).noneMatch(a -> a.value().startsWith("failed"));
  }

  @Test
  void anInvalidationDuringAFailSafePeriodATimedOutComputationOrARefreshWins() throws Exception {
    Hermes hermes = node(Map.of("hermes.fail-safe.throttle", "PT1M"));
    CacheOptions failSafe = options(Duration.ofSeconds(1)).staleFor(Duration.ofHours(1)).build();
    hermes.cached("a", failSafe, () -> "v1");
    Thread.sleep(1100);
    assertThat(hermes.<String>cached("a", failSafe, () -> {
      throw new IllegalStateException("down");
    })).isEqualTo("v1");
    hermes.clean("t");
    assertThat(hermes.<String>cached("a", failSafe, () -> "fresh")).as("after a fail-safe period").isEqualTo("fresh");

    CacheOptions hard = options(Duration.ofMinutes(1)).hardTimeout(Duration.ofMillis(100)).build();
    CountDownLatch release = new CountDownLatch(1);
    assertThatThrownBy(() -> hermes.cached("b", hard, () -> {
      release.await();
      return "old";
    })).isInstanceOf(HermesTimeoutException.class);
    hermes.clean("t");
    release.countDown();
    assertThat(eventually(() -> hermes.cached("b", options(Duration.ofMinutes(1)).build(), () -> "new"), "new"))
        .as("after a timed-out computation").isEqualTo("new");

    CacheOptions ahead = options(Duration.ofSeconds(2)).refreshAhead(0.1).build();
    hermes.cached("c", ahead, () -> "v1");
    Thread.sleep(300);
    CountDownLatch refreshing = new CountDownLatch(1);
    CountDownLatch releaseRefresh = new CountDownLatch(1);
    assertThat(hermes.<String>cached("c", ahead, () -> {
      refreshing.countDown();
      releaseRefresh.await();
      return "old";
    })).isEqualTo("v1");
    assertThat(refreshing.await(10, TimeUnit.SECONDS)).isTrue();
    hermes.invalidate("c");
    releaseRefresh.countDown();
    assertThat(hermes.<String>cached("c", ahead, () -> "new")).as("after a refresh").isEqualTo("new");
    Thread.sleep(200); // the refresh had its chance to store
    assertThat(hermes.<String>cached("c", ahead, () -> "newer")).isEqualTo("new");
  }

  /**
   * What {@code call} returns once it is {@code expected} (within 5 s): a background computation stores its
   * value just after the method returned, which is all a test can observe.
   */
  private static String eventually(Callable<String> call, String expected) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    String value = call.call();
    while (System.nanoTime() - end < 0 && !value.equals(expected)) {
      Thread.sleep(20);
      value = call.call();
    }
    return value;
  }
}
