package io.hermescache.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.BackendFailure;
import io.hermescache.Hermes;
import io.hermescache.HermesException;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Payload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every backend promises, checked against a real one: each backend module extends this class and
 * implements {@link #createBackend()}. The first half drives the SPI directly; the second half drives a
 * {@link Hermes} built on the backend, so tags, {@code clean()}, locks and failures are checked end to end.
 *
 * <p>Every test works under its own random key prefix, so a shared server needs no flushing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class BackendContractTest {

  /** A new backend on the server under test; it is closed after each test. */
  protected abstract Backend createBackend();

  protected Backend backend;
  protected String prefix;

  @BeforeEach
  void openBackend() {
    backend = createBackend();
    prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  /** A Hermes on the backend under test, under this test's prefix. */
  protected Hermes.Builder hermes() {
    return Hermes.builder().backend(backend).prefix(prefix).lockTimeout(Duration.ofSeconds(5));
  }

  private String key(String name) {
    return prefix + ":" + name;
  }

  private Payload read(String key) {
    return backend.getAll(List.of(key)).get(0);
  }

  // --- the SPI -------------------------------------------------------------------------------------

  /** DESIGN.md, "Modules": a backend knows the core's SPI, never CDI. */
  @Test
  void theBackendKnowsNoCdi() {
    String backendPackage = backend.getClass().getPackageName();
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("jakarta.enterprise..", "jakarta.interceptor..", "io.hermescache.cdi..")
        .because("backends depend on hermes-core only")
        .check(new com.tngtech.archunit.core.importer.ClassFileImporter()
            .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(backendPackage));
  }

  @Test
  void setGetDelete() {
    backend.set(key("a"), Payload.of("one"), Duration.ofMinutes(1));
    assertThat(read(key("a"))).isEqualTo(Payload.of("one"));
    backend.set(key("a"), Payload.of("two"), Duration.ofMinutes(1));
    assertThat(read(key("a")).text()).isEqualTo("two");
    backend.delete(key("a"), key("never-set"));
    assertThat(read(key("a"))).isNull();
  }

  @Test
  void getAllKeepsOrderWithNullForAbsentKeys() {
    backend.set(key("x"), Payload.of("X"), Duration.ofMinutes(1));
    backend.set(key("z"), Payload.of("Z"), Duration.ZERO);
    List<Payload> values = backend.getAll(List.of(key("z"), key("missing"), key("x")));
    assertThat(values).containsExactly(Payload.of("Z"), null, Payload.of("X"));
  }

  @Test
  void entriesExpireAfterTheirTtl() throws InterruptedException {
    // 2 s, not 1: memcached's clock ticks in whole seconds, so an expiry of n seconds lives n - 1 to n s
    backend.set(key("short"), Payload.of("s"), Duration.ofSeconds(2));
    backend.set(key("long"), Payload.of("l"), Duration.ofMinutes(1));
    backend.set(key("forever"), Payload.of("f"), Duration.ZERO);
    assertThat(read(key("short"))).isNotNull();
    Thread.sleep(3100);
    assertThat(backend.getAll(List.of(key("short"), key("long"), key("forever"))))
        .containsExactly(null, Payload.of("l"), Payload.of("f"));
  }

  @Test
  void addStoresOnlyWhenAbsent() {
    assertThat(backend.add(key("once"), Payload.of("first"), Duration.ofMinutes(1))).isTrue();
    assertThat(backend.add(key("once"), Payload.of("second"), Duration.ofMinutes(1))).isFalse();
    assertThat(read(key("once")).text()).isEqualTo("first");
  }

  @Test
  void binaryAndLargeValuesRoundTrip() {
    byte[] everyByte = new byte[256];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    byte[] large = new byte[1_000_000];
    new Random(42).nextBytes(large);
    backend.set(key("binary"), Payload.of(everyByte), Duration.ofMinutes(1));
    backend.set(key("large"), Payload.of(large), Duration.ofMinutes(1));
    assertThat(read(key("binary")).bytes()).isEqualTo(everyByte);
    assertThat(read(key("large")).bytes()).isEqualTo(large);
  }

  @Test
  void unicodeKeys() {
    String unicode = key("Ünïcødé-键-🔑");
    backend.set(unicode, Payload.of("u"), Duration.ofMinutes(1));
    assertThat(read(unicode).text()).isEqualTo("u");
    assertThat(read(key("Unicode-键-🔑"))).isNull();
  }

  @Test
  void lockIsExclusiveAndFreedOnlyByItsHolder() {
    String lock = key("lock");
    assertThat(backend.tryLock(lock, "holder", Duration.ofMinutes(1))).isTrue();
    assertThat(backend.tryLock(lock, "other", Duration.ofMinutes(1))).isFalse();
    backend.unlock(lock, "other");
    assertThat(backend.tryLock(lock, "other", Duration.ofMinutes(1))).as("a stranger cannot unlock").isFalse();
    backend.unlock(lock, "holder");
    assertThat(backend.tryLock(lock, "other", Duration.ofMinutes(1))).isTrue();
  }

  @Test
  void lockFreesItselfAfterItsLease() throws InterruptedException {
    String lock = key("leased");
    assertThat(backend.tryLock(lock, "dead-holder", Duration.ofSeconds(1))).isTrue();
    Thread.sleep(2100);
    assertThat(backend.tryLock(lock, "next", Duration.ofMinutes(1))).isTrue();
  }

  @Test
  void setIfLockedStoresOnlyForTheHolder() {
    String lock = key("guard");
    backend.tryLock(lock, "me", Duration.ofMinutes(1));
    assertThat(backend.setIfLocked(lock, "someone-else", key("v"), Payload.of("theirs"), Duration.ofMinutes(1))).isFalse();
    assertThat(read(key("v"))).isNull();
    assertThat(backend.setIfLocked(lock, "me", key("v"), Payload.of("mine"), Duration.ofMinutes(1))).isTrue();
    assertThat(read(key("v")).text()).isEqualTo("mine");
    backend.delete(lock);
    assertThat(backend.setIfLocked(lock, "me", key("v"), Payload.of("late"), Duration.ofMinutes(1))).isFalse();
    assertThat(read(key("v")).text()).isEqualTo("mine");
  }

  // --- Hermes on the backend -----------------------------------------------------------------------

  public record Point(int x, int y, List<String> labels) {}

  @Test
  void cachedValuesRoundTripAndComputeOnce() {
    try (Hermes hermes = hermes().build()) {
      AtomicInteger runs = new AtomicInteger();
      for (int i = 0; i < 4; i++) {
        Point point = hermes.cached("point", Point.class, () -> {
          runs.incrementAndGet();
          return new Point(1, 2, List.of("a", "b"));
        });
        assertThat(point).isEqualTo(new Point(1, 2, List.of("a", "b")));
      }
      assertThat(runs).hasValue(1);
      assertThat(read(prefix + ":entry:point")).as("the layout of DESIGN.md").isNotNull();
      assertThat(hermes.stats().of("programmatic").hits()).isEqualTo(3);
    }
  }

  @Test
  void cleanTagInvalidatesOnlyItsEntries() {
    try (Hermes hermes = hermes().build()) {
      AtomicInteger runs = new AtomicInteger();
      Duration ttl = Duration.ofMinutes(5);
      hermes.cached("rock", List.of("rock", "tree"), ttl, Integer.class, runs::incrementAndGet);
      hermes.cached("ice", List.of("rock", "ice"), ttl, Integer.class, runs::incrementAndGet);
      hermes.cached("leaf", List.of("tree"), ttl, Integer.class, runs::incrementAndGet);
      assertThat(read(prefix + ":tag:rock")).as("tag version key").isNotNull();
      assertThat(read(prefix + ":tag:rock").size()).isEqualTo(22);

      hermes.clean("rock");

      assertThat(hermes.cached("rock", List.of("rock", "tree"), ttl, Integer.class, runs::incrementAndGet)).isEqualTo(4);
      assertThat(hermes.cached("ice", List.of("rock", "ice"), ttl, Integer.class, runs::incrementAndGet)).isEqualTo(5);
      assertThat(hermes.cached("leaf", List.of("tree"), ttl, Integer.class, runs::incrementAndGet)).isEqualTo(3);
      assertThat(read(prefix + ":entry:leaf")).isNotNull();
    }
  }

  @Test
  void cleanInvalidatesEverythingUnderThePrefixOnly() {
    String otherPrefix = prefix + "other";
    try (Hermes hermes = hermes().build(); Hermes neighbour = hermes().prefix(otherPrefix).build()) {
      AtomicInteger runs = new AtomicInteger();
      hermes.cached("a", Integer.class, runs::incrementAndGet);
      hermes.cached("b", List.of("t"), Duration.ofMinutes(1), Integer.class, runs::incrementAndGet);
      neighbour.cached("a", Integer.class, () -> 100);

      hermes.clean();

      assertThat(hermes.cached("a", Integer.class, runs::incrementAndGet)).isEqualTo(3);
      assertThat(hermes.cached("b", List.of("t"), Duration.ofMinutes(1), Integer.class, runs::incrementAndGet)).isEqualTo(4);
      assertThat(neighbour.cached("a", Integer.class, () -> -1)).as("another prefix is untouched").isEqualTo(100);
    }
  }

  @Test
  void invalidateDropsOneEntry() {
    try (Hermes hermes = hermes().build()) {
      AtomicInteger runs = new AtomicInteger();
      hermes.cached("one", Integer.class, runs::incrementAndGet);
      hermes.cached("two", Integer.class, runs::incrementAndGet);
      hermes.invalidate("one");
      assertThat(hermes.cached("one", Integer.class, runs::incrementAndGet)).isEqualTo(3);
      assertThat(hermes.cached("two", Integer.class, runs::incrementAndGet)).isEqualTo(2);
    }
  }

  @Test
  void entriesExpireThroughHermes() throws InterruptedException {
    try (Hermes hermes = hermes().ttl(Duration.ofSeconds(1)).build()) {
      AtomicInteger runs = new AtomicInteger();
      assertThat(hermes.cached("ttl", Integer.class, runs::incrementAndGet)).isEqualTo(1);
      assertThat(hermes.cached("ttl", Integer.class, runs::incrementAndGet)).isEqualTo(1);
      Thread.sleep(1100);
      assertThat(hermes.cached("ttl", Integer.class, runs::incrementAndGet)).isEqualTo(2);
    }
  }

  @Test
  void nullsAreCachedAndExceptionsAreNot() {
    try (Hermes hermes = hermes().build()) {
      AtomicInteger runs = new AtomicInteger();
      for (int i = 0; i < 3; i++) {
        assertThat(hermes.<String>cached("absent", String.class, () -> {
          runs.incrementAndGet();
          return null;
        })).isNull();
      }
      assertThat(runs).hasValue(1);
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> hermes.cached("failing", String.class, () -> {
          runs.incrementAndGet();
          throw new IllegalStateException("database down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("database down");
      }
      assertThat(runs).hasValue(3);
    }
  }

  @Test
  void invalidationDuringComputationWins() throws Exception {
    try (Hermes hermes = hermes().build()) {
      for (String kind : List.of("tag", "namespace", "entry")) {
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch invalidated = new CountDownLatch(1);
        AtomicInteger generation = new AtomicInteger();
        String key = "race-" + kind;
        List<String> tags = List.of("race");
        Thread slow = new Thread(() -> hermes.cached(key, tags, Duration.ofMinutes(1), Integer.class, () -> {
          int value = generation.incrementAndGet();
          computing.countDown();
          invalidated.await();
          return value;
        }));
        slow.start();
        computing.await();
        switch (kind) {
          case "tag" -> hermes.clean("race");
          case "namespace" -> hermes.clean();
          default -> hermes.invalidate(key);
        }
        invalidated.countDown();
        slow.join();
        assertThat(hermes.cached(key, tags, Duration.ofMinutes(1), Integer.class, generation::incrementAndGet))
            .as("a value computed before the %s invalidation returned is never served", kind).isEqualTo(2);
      }
    }
  }

  /**
   * The promise of DESIGN.md under random interleavings: once a {@code clean}/{@code invalidate} has
   * returned, no caller is served a value whose computation started before that invalidation started.
   * Each value is the invalidation epoch read when its computation started; each invalidation bumps the
   * epoch before it starts and records it, once returned, as the minimum a later read may see.
   */
  @Test
  void noValueComputedBeforeAnInvalidationIsServedAfterIt() throws Exception {
    int keys = 4;
    AtomicLongArray seenByReadersAfter = new AtomicLongArray(keys);
    java.util.concurrent.atomic.AtomicLong epoch = new java.util.concurrent.atomic.AtomicLong();
    List<String> tags = List.of("all");
    AtomicInteger reads = new AtomicInteger();
    List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
    int operations = 10;
    try (Hermes hermes = hermes().build()) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        workers.add(pool.submit(() -> {
          java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
          while (System.nanoTime() < end) {
            int k = random.nextInt(keys);
            int op = random.nextInt(operations);
            if (op < 7) {
              long floor = seenByReadersAfter.get(k);
              long value = hermes.cached("key" + k, tags, Duration.ofMinutes(1), Long.class, () -> {
                long started = epoch.get();
                Thread.sleep(random.nextInt(3));
                return started;
              });
              reads.incrementAndGet();
              if (value < floor) {
                violations.add("key" + k + " served epoch " + value + " after invalidation " + floor + " returned");
              }
            } else {
              long started = epoch.incrementAndGet();
              switch (op) {
                case 7 -> hermes.clean("all");
                case 8 -> hermes.clean();
                default -> hermes.invalidate("key" + k);
              }
              for (int i = 0; i < keys; i++) {
                if (op != 9 || i == k) {
                  seenByReadersAfter.accumulateAndGet(i, started, Math::max);
                }
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();
    }
    assertThat(violations).isEmpty();
    assertThat(reads.get()).as("the test did work").isGreaterThan(100);
  }

  @Test
  void thirtyTwoThreadsOnAColdKeyComputeItOnce() throws Exception {
    try (Hermes hermes = hermes().build()) {
      int threads = 32;
      AtomicInteger runs = new AtomicInteger();
      CyclicBarrier start = new CyclicBarrier(threads);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          results.add(pool.submit(() -> {
            start.await();
            return hermes.cached("cold", List.of("t"), Duration.ofMinutes(1), String.class, () -> {
              runs.incrementAndGet();
              Thread.sleep(300);
              return "computed";
            });
          }));
        }
        for (Future<String> result : results) {
          assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("computed");
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(runs).hasValue(1);
      assertThat(hermes.stats().of("programmatic").loads()).isEqualTo(1);
    }
  }

  @Test
  void twoInstancesShareOneComputationThroughTheBackendLock() throws Exception {
    try (Hermes first = hermes().build(); Hermes second = hermes().build()) {
      AtomicInteger runs = new AtomicInteger();
      CountDownLatch computing = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<String> leader = pool.submit(() -> first.cached("shared", String.class, () -> {
          runs.incrementAndGet();
          computing.countDown();
          Thread.sleep(500);
          return "once";
        }));
        computing.await();
        Future<String> waiter = pool.submit(() -> second.cached("shared", String.class, () -> {
          runs.incrementAndGet();
          return "twice";
        }));
        assertThat(leader.get(10, TimeUnit.SECONDS)).isEqualTo("once");
        assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo("once");
      } finally {
        pool.shutdownNow();
      }
      assertThat(runs).hasValue(1);
      assertThat(second.stats().total().lockWaits()).isEqualTo(1);
    }
  }

  // --- asynchronous calls --------------------------------------------------------------------------

  @Test
  void asyncValuesAreCachedByTheirCompletedValue() throws Exception {
    try (Hermes hermes = hermes().build()) {
      AtomicInteger runs = new AtomicInteger();
      for (int i = 0; i < 3; i++) {
        Point point = hermes.<Point>cachedAsync("async", Point.class,
            () -> CompletableFuture.supplyAsync(() -> new Point(runs.incrementAndGet(), 0, List.of()))).toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
        assertThat(point).isEqualTo(new Point(1, 0, List.of()));
      }
      assertThat(runs).hasValue(1);
      assertThat(hermes.<Point>cached("async", Point.class, () -> null)).as("the same entry for blocking callers")
          .isEqualTo(new Point(1, 0, List.of()));
    }
  }

  @Test
  void asyncCallersOfAColdKeyShareOneComputationAndCancellingOneCancelsNothingShared() throws Exception {
    try (Hermes hermes = hermes().build()) {
      AtomicInteger runs = new AtomicInteger();
      CountDownLatch computing = new CountDownLatch(1);
      CompletableFuture<String> computation = new CompletableFuture<>();
      List<CompletableFuture<String>> callers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        callers.add(hermes.<String>cachedAsync("shared-async", String.class, () -> {
          runs.incrementAndGet();
          computing.countDown();
          return computation;
        }).toCompletableFuture());
      }
      callers.get(0).cancel(true);
      assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
      computation.complete("value");
      for (CompletableFuture<String> caller : callers.subList(1, callers.size())) {
        assertThat(caller.get(10, TimeUnit.SECONDS)).isEqualTo("value");
      }
      assertThat(callers.get(0)).isCancelled();
      assertThat(runs).hasValue(1);
      assertThat(computation).as("the shared computation was not cancelled").isCompletedWithValue("value");
    }
  }

  @Test
  void aFailedAsyncComputationFailsEveryCallerAndIsNotCached() throws Exception {
    try (Hermes hermes = hermes().build()) {
      AtomicInteger runs = new AtomicInteger();
      CompletableFuture<String> failing = new CompletableFuture<>();
      CountDownLatch computing = new CountDownLatch(1);
      CompletableFuture<String> first = hermes.<String>cachedAsync("failing-async", String.class, () -> {
        runs.incrementAndGet();
        computing.countDown();
        return failing;
      }).toCompletableFuture();
      CompletableFuture<String> second = hermes.<String>cachedAsync("failing-async", String.class, () -> {
        runs.incrementAndGet();
        computing.countDown();
        return failing;
      }).toCompletableFuture();
      assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
      failing.completeExceptionally(new IllegalStateException("remote service down"));
      for (CompletableFuture<String> caller : List.of(first, second)) {
        assertThatThrownBy(() -> caller.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
            .hasRootCauseMessage("remote service down");
      }
      assertThat(hermes.<String>cachedAsync("failing-async", String.class,
          () -> CompletableFuture.completedFuture("recovered")).toCompletableFuture().get(10, TimeUnit.SECONDS))
          .isEqualTo("recovered");
    }
  }

  @Test
  void asyncCallersAreNotBlockedByASlowBackend() throws Exception {
    FaultyBackend slow = new FaultyBackend(backend);
    slow.delayMillis.set(500);
    try (Hermes hermes = Hermes.builder().backend(slow).prefix(prefix).build()) {
      long start = System.nanoTime();
      CompletableFuture<String> value = hermes.<String>cachedAsync("slow", String.class,
          () -> CompletableFuture.completedFuture("v")).toCompletableFuture();
      hermes.cleanAsync("any");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
      assertThat(value).isNotDone();
      assertThat(value.get(20, TimeUnit.SECONDS)).isEqualTo("v");
    }
  }

  /**
   * Whatever lies under an entry key, whoever put it there, reads as a miss and is overwritten: bytes of
   * another application, a Java-serialised object (never deserialised), envelopes of formats this version
   * does not write (0, 1 of earlier versions, 3 of a later one), a real entry cut short or lengthened, and
   * a valid envelope whose body JSON-B cannot read.
   */
  @Test
  void unreadablePayloadsAreMissesAndAreOverwritten() {
    try (Hermes hermes = hermes().build()) {
      String entry = prefix + ":entry:corrupt";
      hermes.cached("corrupt", Integer.class, () -> 1234567);
      byte[] real = read(entry).bytes();
      byte[] otherFormat = real.clone();
      Map<String, byte[]> unreadable = new LinkedHashMap<>();
      unreadable.put("a plain string of another application", "hello".getBytes(StandardCharsets.UTF_8));
      unreadable.put("an empty value", new byte[0]);
      unreadable.put("a Java-serialised object", javaSerialised(new ArrayList<>(List.of("x"))));
      unreadable.put("a header cut short", new byte[] {'H', 1, 0});
      for (byte format : new byte[] {0, 1, 3}) {
        otherFormat[1] = format;
        unreadable.put("format " + format, otherFormat.clone());
      }
      unreadable.put("a real entry cut in its versions", Arrays.copyOf(real, 20));
      unreadable.put("a real entry cut in its value", Arrays.copyOf(real, real.length - 2));
      byte[] lengthened = Arrays.copyOf(real, real.length + 1);
      lengthened[real.length] = '8';
      unreadable.put("a real entry with a byte appended", lengthened);
      byte[] notJson = real.clone();
      notJson[real.length - "1234567".length()] = '}';
      unreadable.put("a body that is not JSON", notJson);
      int expected = 0;
      for (Map.Entry<String, byte[]> garbage : unreadable.entrySet()) {
        backend.set(entry, Payload.of(garbage.getValue()), Duration.ofMinutes(1));
        int value = ++expected;
        assertThat(hermes.cached("corrupt", Integer.class, () -> value)).as(garbage.getKey() + " is a miss").isEqualTo(value);
        assertThat(read(entry).bytes()).as(garbage.getKey() + " is overwritten").isNotEqualTo(garbage.getValue());
        assertThat(hermes.cached("corrupt", Integer.class, () -> -1)).as("then served").isEqualTo(value);
      }
      assertThat(hermes.stats().total().errors())
          .as("foreign or damaged bytes are quiet misses; only our own envelope whose value cannot be read counts,"
              + " since a type that can never be read back would make every call a miss")
          .isEqualTo(1);
    }
  }

  private static byte[] javaSerialised(Serializable value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Keys are whatever the caller passes: 10 KB long, with spaces, control characters, NUL, CR LF and emoji.
   * Each is cached under a key of its own (no two collide, none breaks the protocol) and the next call works.
   */
  @Test
  void keysOfAnyLengthAndCharacterAreCachedApart() {
    List<String> keys = List.of("a b", "a\tb", "a\u0000b", "a\r\nb", "a\r\nset x 0 0 1\r\n", "a\u007fb", "a🔑b",
        "x".repeat(10_240), "x".repeat(10_239) + "y", "{slot}", "");
    try (Hermes hermes = hermes().build()) {
      for (int i = 0; i < keys.size(); i++) {
        int value = i;
        assertThat(hermes.cached(keys.get(i), List.of(keys.get(i) + "tag"), Duration.ofMinutes(1), Integer.class, () -> value))
            .isEqualTo(value);
      }
      for (int i = 0; i < keys.size(); i++) {
        int value = i;
        assertThat(hermes.cached(keys.get(i), List.of(keys.get(i) + "tag"), Duration.ofMinutes(1), Integer.class, () -> -1))
            .as("key #%d is served its own value", value).isEqualTo(value);
      }
      hermes.clean(keys.get(2) + "tag");
      assertThat(hermes.cached(keys.get(2), List.of(keys.get(2) + "tag"), Duration.ofMinutes(1), Integer.class, () -> -2))
          .as("a tag with NUL is cleaned").isEqualTo(-2);
      assertThat(hermes.stats().total().errors()).isZero();
    }
  }

  /** A value JSON-B cannot write whose getter throws. */
  public static final class ThrowingGetter {
    public String getValue() {
      throw new IllegalStateException("not readable");
    }
  }

  /** A value that contains itself. */
  public static final class Cyclic {
    public Cyclic self = this;
  }

  /**
   * A value JSON-B cannot write (a getter that throws, an object graph with a cycle) is returned to the
   * caller, not cached, and counted as an error; nothing is stored, and the next call works.
   */
  @Test
  void valuesThatCannotBeSerialisedAreReturnedButNotCached() {
    try (Hermes hermes = hermes().build()) {
      AtomicInteger runs = new AtomicInteger();
      for (int i = 0; i < 2; i++) {
        assertThat(hermes.cached("throwing", ThrowingGetter.class, () -> {
          runs.incrementAndGet();
          return new ThrowingGetter();
        })).isNotNull();
        assertThat(hermes.cached("cyclic", Cyclic.class, () -> {
          runs.incrementAndGet();
          return new Cyclic();
        })).isNotNull();
      }
      assertThat(runs).as("computed every time: never cached").hasValue(4);
      assertThat(hermes.stats().total().errors()).isEqualTo(4);
      assertThat(read(prefix + ":entry:throwing")).isNull();
      assertThat(hermes.cached("fine", Integer.class, () -> 1)).isEqualTo(1);
      assertThat(hermes.cached("fine", Integer.class, () -> 2)).as("the next value is cached").isEqualTo(1);
    }
  }

  /**
   * A lock whose holder died (taken here directly, with a two-second lease, and never freed): the callers of
   * its key wait, then one of them computes once the lease ends, long before the lock timeout; the wait is
   * counted.
   */
  @Test
  void waitersOfADeadLockHolderRecoverAfterTheLeaseAndComputeOnce() throws Exception {
    Duration lease = Duration.ofSeconds(2);
    assertThat(backend.tryLock(prefix + ":lock:orphan", "dead-holder", lease)).isTrue();
    long start = System.nanoTime();
    AtomicInteger runs = new AtomicInteger();
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try (Hermes hermes = hermes().lockTimeout(Duration.ofSeconds(30)).build()) {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(callers.submit(() -> hermes.cached("orphan", Integer.class, runs::incrementAndGet)));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get(20, TimeUnit.SECONDS)).isEqualTo(1);
      }
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      assertThat(runs).as("exactly one recomputation").hasValue(1);
      assertThat(waited).as("after the lease, not the 30 s lock timeout")
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(10));
      assertThat(hermes.stats().of("programmatic").lockWaits()).as("the wait is counted").isPositive();
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aFaultyBackendIsBypassedByDefault() {
    FaultyBackend failing = new FaultyBackend(backend);
    try (Hermes hermes = Hermes.builder().backend(failing).prefix(prefix).build()) {
      AtomicInteger runs = new AtomicInteger();
      assertThat(hermes.cached("k", Integer.class, runs::incrementAndGet)).isEqualTo(1);
      failing.failing.set(true);
      assertThat(hermes.cached("k", Integer.class, runs::incrementAndGet)).as("computed without the cache").isEqualTo(2);
      assertThat(hermes.stats().total().errors()).isEqualTo(1);
      failing.failing.set(false);
      hermes.backend(failing);
      assertThat(hermes.cached("k", Integer.class, runs::incrementAndGet)).as("the cache is used again").isEqualTo(1);
    }
  }

  @Test
  void aFaultyBackendPropagatesWhenConfigured() {
    FaultyBackend failing = new FaultyBackend(backend);
    failing.failing.set(true);
    try (Hermes hermes = Hermes.builder().backend(failing).prefix(prefix).backendFailure(BackendFailure.PROPAGATE).build()) {
      assertThatThrownBy(() -> hermes.cached("k", Integer.class, () -> 1))
          .isInstanceOf(HermesException.class).hasRootCauseMessage("backend down (test)");
      assertThatThrownBy(() -> hermes.clean("t")).as("an invalidation is never silently dropped")
          .isInstanceOf(HermesException.class);
    }
  }

  /** The backend under test, made to fail or to answer slowly on demand; every call is forwarded to it. */
  protected static final class FaultyBackend implements Backend {
    final Backend real;
    final AtomicBoolean failing = new AtomicBoolean();
    final java.util.concurrent.atomic.AtomicLong delayMillis = new java.util.concurrent.atomic.AtomicLong();

    FaultyBackend(Backend real) {
      this.real = real;
    }

    private void check() {
      long delay = delayMillis.get();
      if (delay > 0) {
        try {
          Thread.sleep(delay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (failing.get()) {
        throw new IllegalStateException("backend down (test)");
      }
    }

    @Override
    public List<Payload> getAll(List<String> keys) {
      check();
      return real.getAll(keys);
    }

    @Override
    public void set(String key, Payload value, Duration ttl) {
      check();
      real.set(key, value, ttl);
    }

    @Override
    public boolean add(String key, Payload value, Duration ttl) {
      check();
      return real.add(key, value, ttl);
    }

    @Override
    public void delete(String... keys) {
      check();
      real.delete(keys);
    }

    @Override
    public void unlock(String lockKey, String token) {
      check();
      real.unlock(lockKey, token);
    }

    @Override
    public boolean setIfLocked(String lockKey, String token, String key, Payload value, Duration ttl) {
      check();
      return real.setIfLocked(lockKey, token, key, value, ttl);
    }

    @Override
    public boolean tryLock(String lockKey, String token, Duration lease) {
      check();
      return real.tryLock(lockKey, token, lease);
    }

    @Override
    public boolean extendLock(String lockKey, String token, Duration lease) {
      check();
      return real.extendLock(lockKey, token, lease);
    }

    @Override
    public io.hermescache.spi.KeyLimits keyLimits() {
      return real.keyLimits();
    }
  }

}
