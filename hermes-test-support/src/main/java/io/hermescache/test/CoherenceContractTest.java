package io.hermescache.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Backend;
import io.hermescache.test.PausingBackend.Operation;
import io.hermescache.test.PausingBackend.Pause;
import io.hermescache.test.PausingBackend.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * "Invalidation wins" (DESIGN.md, Coherence) under the interleavings that broke it (issue 14), each one
 * forced with a {@link PausingBackend} and latches, on the backend a subclass provides: once
 * {@code invalidate(key)}, {@code clean(tag)} or {@code clean()} has returned, no caller whose call starts
 * afterwards is served a value whose computation started before it; and the lock, early refresh and
 * interrupts do what they promise. Each backend module extends this class, as it does
 * {@link BackendContractTest}; everything goes through the public API and the SPI only.
 *
 * <p>Tests tagged {@value #KNOWN_DEFECT} reproduce a defect of the engine before issue 14 (each failed on
 * it); the rebuilt engine passes them and every backend module runs them. The tag selects them alone,
 * e.g. {@code -Dgroups=coherence-defect}.
 *
 * <p>No test asserts how long anything took. Where only the passing of time can bring an event about
 * (a lock timeout, a lease, an expiry) the test waits for it with real time; the Javadoc says what a fake
 * clock ({@code Hermes.Builder#clock}, once it exists) would let it do instead.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
public abstract class CoherenceContractTest {

  /** The tag of tests that fail on the engine before issue 14. */
  public static final String KNOWN_DEFECT = "coherence-defect";

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final List<String> TAGS = List.of("t");

  /** A new backend on the server under test; it is closed after each test. */
  protected abstract Backend createBackend();

  /** How a test calls the cache: the blocking {@code cached} on a thread of its own, or {@code cachedAsync}. */
  protected enum Mode { SYNC, ASYNC }

  /** The three ways to invalidate an entry stored under {@code key} with tag {@code "t"}. */
  protected enum Invalidation {
    ENTRY, TAG, NAMESPACE;

    void apply(Hermes hermes, String key) {
      switch (this) {
        case ENTRY -> hermes.invalidate(key);
        case TAG -> hermes.clean("t");
        default -> hermes.clean();
      }
    }
  }

  /** A call under way: the thread making it (a blocking call) and its outcome. */
  protected record Running<T>(Thread thread, CompletableFuture<T> result) {}

  protected Backend backend;
  protected PausingBackend pausing;
  protected String prefix;
  private final List<Thread> executorThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
  private ThreadPoolExecutor executor;
  private ExecutorService loaders;

  @BeforeEach
  void openBackend() {
    backend = createBackend();
    pausing = new PausingBackend(backend);
    prefix = "c" + UUID.randomUUID().toString().substring(0, 8);
    executor = new ThreadPoolExecutor(4, 4, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), task -> {
      Thread thread = new Thread(task, "coherence-executor-" + executorThreads.size());
      thread.setDaemon(true);
      executorThreads.add(thread);
      return thread;
    });
    executor.prestartAllCoreThreads();
    loaders = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "coherence-loader");
      thread.setDaemon(true);
      return thread;
    });
  }

  @AfterEach
  void closeBackend() {
    executor.shutdownNow();
    loaders.shutdownNow();
    backend.close();
  }

  /** A Hermes under this test's prefix on {@code on}, asynchronous calls on the test's own executor. */
  protected Hermes.Builder hermes(Backend on) {
    return Hermes.builder().backend(on).prefix(prefix).lockTimeout(Duration.ofSeconds(30)).executor(executor);
  }

  // --- 1. a waiter that gave up on the lock --------------------------------------------------------------

  /**
   * Issue 14, defect 1, blocking: a peer holds the key's lock in a slow computation; this node gives up
   * waiting after its short lock timeout and computes itself; {@code invalidate(key)} returns while it
   * does. The next call must load again, and the peer's value must not be served either. (Today the
   * invalidation frees the lock, the waiter takes it and stores its value for the whole TTL.) With a fake
   * clock, the lock timeout would be stepped over instead of waited for.
   */
  @Test
  @Tag(KNOWN_DEFECT)
  void aWaiterThatGaveUpOnTheLockLosesToInvalidateKey() throws Exception {
    waiterThatGaveUpLosesTo(Invalidation.ENTRY, Mode.SYNC);
  }

  /** {@link #aWaiterThatGaveUpOnTheLockLosesToInvalidateKey()} through {@code cachedAsync}. */
  @Test
  @Tag(KNOWN_DEFECT)
  void aWaiterThatGaveUpOnTheLockLosesToInvalidateKeyAsync() throws Exception {
    waiterThatGaveUpLosesTo(Invalidation.ENTRY, Mode.ASYNC);
  }

  /** {@link #aWaiterThatGaveUpOnTheLockLosesToInvalidateKey()} with {@code clean(tag)} as the invalidation. */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void aWaiterThatGaveUpOnTheLockLosesToCleanTag(Mode mode) throws Exception {
    waiterThatGaveUpLosesTo(Invalidation.TAG, mode);
  }

  /** {@link #aWaiterThatGaveUpOnTheLockLosesToInvalidateKey()} with {@code clean()} as the invalidation. */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void aWaiterThatGaveUpOnTheLockLosesToCleanAll(Mode mode) throws Exception {
    waiterThatGaveUpLosesTo(Invalidation.NAMESPACE, mode);
  }

  private void waiterThatGaveUpLosesTo(Invalidation invalidation, Mode mode) throws Exception {
    String key = "gave-up";
    try (Hermes peer = hermes(backend).build(); Hermes me = hermes(pausing).lockTimeout(Duration.ofMillis(200)).build()) {
      CountDownLatch peerComputing = new CountDownLatch(1);
      CountDownLatch peerRelease = new CountDownLatch(1);
      Running<String> peerCall = call(Mode.SYNC, peer, key, "coherence-peer", () -> {
        peerComputing.countDown();
        peerRelease.await();
        return "peer";
      });
      await(peerComputing);

      CountDownLatch waiterComputing = new CountDownLatch(1);
      CountDownLatch waiterRelease = new CountDownLatch(1);
      Running<String> waiter = call(mode, me, key, "coherence-waiter", () -> {
        waiterComputing.countDown();
        waiterRelease.await();
        return "waiter";
      });
      await(waiterComputing);
      invalidation.apply(me, key);
      waiterRelease.countDown();
      assertThat(value(waiter)).as("a caller gets its own computed value").isEqualTo("waiter");

      assertThat(value(call(mode, me, key, "coherence-next", () -> "fresh")))
          .as("the first call after %s returned computes again", invalidation).isEqualTo("fresh");
      peerRelease.countDown();
      assertThat(value(peerCall)).isEqualTo("peer");
      assertThat(value(call(mode, me, key, "coherence-last", () -> "after")))
          .as("no value computed before %s returned is served after it", invalidation).isIn("fresh", "after");
    }
  }

  // --- 2. a computation joined in the gap of an invalidation ---------------------------------------------

  /**
   * Issue 14, defect 2, blocking: {@code invalidate(key)} is stopped just before its first write reaches
   * the server; in that gap a caller starts, waits for the lock of a computation that began before the
   * invalidation, and reads that computation's value (stopped right after the read). Once the invalidation
   * has returned, a new caller must not be handed that value by joining the gap caller's computation.
   * (Today {@code invalidate} empties the map of running computations before the delete, so the gap
   * caller's computation is registered under the same versions and the new caller joins it.)
   */
  @Test
  @Tag(KNOWN_DEFECT)
  void aCallerAfterInvalidateKeyDoesNotJoinAComputationFromBeforeIt() throws Exception {
    noCallerAfterInvalidationGetsTheGapsValue(Invalidation.ENTRY, Mode.SYNC);
  }

  /** {@link #aCallerAfterInvalidateKeyDoesNotJoinAComputationFromBeforeIt()} through {@code cachedAsync}. */
  @Test
  @Tag(KNOWN_DEFECT)
  void aCallerAfterInvalidateKeyDoesNotJoinAComputationFromBeforeItAsync() throws Exception {
    noCallerAfterInvalidationGetsTheGapsValue(Invalidation.ENTRY, Mode.ASYNC);
  }

  /** The same interleaving around {@code clean(tag)}, blocking and asynchronous. */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCallerAfterCleanTagDoesNotJoinAComputationFromBeforeIt(Mode mode) throws Exception {
    noCallerAfterInvalidationGetsTheGapsValue(Invalidation.TAG, mode);
  }

  /** The same interleaving around {@code clean()}, blocking and asynchronous. */
  @ParameterizedTest
  @EnumSource(Mode.class)
  void aCallerAfterCleanAllDoesNotJoinAComputationFromBeforeIt(Mode mode) throws Exception {
    noCallerAfterInvalidationGetsTheGapsValue(Invalidation.NAMESPACE, mode);
  }

  private void noCallerAfterInvalidationGetsTheGapsValue(Invalidation invalidation, Mode mode) throws Exception {
    String key = "gap";
    try (Hermes me = hermes(pausing).build()) {
      // A computes since before the invalidation, holding the lock
      CountDownLatch aComputing = new CountDownLatch(1);
      CountDownLatch aRelease = new CountDownLatch(1);
      Running<String> a = call(Mode.SYNC, me, key, "coherence-a", () -> {
        aComputing.countDown();
        aRelease.await();
        return "A";
      });
      await(aComputing);

      // the invalidation, stopped before its first write reaches the server
      String invalidatingThread = "coherence-invalidating-" + invalidation;
      Pause invalidationWrite = pausing.pause(Phase.BEFORE,
          c -> c.thread().getName().equals(invalidatingThread) && c.operation().writes());
      Running<Void> invalidating = start(invalidatingThread, () -> {
        invalidation.apply(me, key);
        return null;
      });
      invalidationWrite.awaitReached();

      // B starts in the gap; it is stopped right after any read that finds A's value
      AtomicBoolean gap = new AtomicBoolean(true);
      Pause bReadsA = pausing.pause(Phase.AFTER, c -> gap.get() && c.operation() == Operation.GET_ALL
          && c.foundFirstKey() && callerThread(mode, c.thread(), "coherence-b"));
      long readsBeforeB = executorReads();
      Running<String> b = call(mode, me, key, "coherence-b", () -> "B");
      awaitAtRest(mode, b, readsBeforeB);

      aRelease.countDown();
      assertThat(value(a)).isEqualTo("A");
      CompletableFuture.anyOf(bReadsA.reached(), b.result()).get(30, TimeUnit.SECONDS);

      invalidationWrite.release();
      value(invalidating);
      gap.set(false);

      long readsBeforeC = executorReads();
      Running<String> c = call(mode, me, key, "coherence-c", () -> "C");
      awaitAtRest(mode, c, readsBeforeC);
      bReadsA.release();

      value(b);
      assertThat(value(c)).as("a caller that started after %s returned gets no value computed before it",
          invalidation).isNotEqualTo("A");
      assertThat(value(call(mode, me, key, "coherence-d", () -> "D"))).as("nor does a later one").isNotEqualTo("A");
    }
  }

  // --- 3. early refresh ----------------------------------------------------------------------------------

  /**
   * Issue 14, defect 3, blocking: a key near expiry, called often from four threads, is recomputed early
   * (XFetch) by one caller while the others keep their hits. Proven without measuring how long calls
   * take: the second computation starts less than a TTL after the first one started (so before the first
   * value can have expired), a caller was served the first value while the second computation ran, and
   * the early refresh is not counted as a miss. (Today the early refresh takes the lock, finds the same
   * unexpired entry and serves it: nothing is recomputed until the entry expires, and every such call
   * counts as a miss.) With a fake clock the test would step to just before expiry and count refreshes
   * exactly.
   */
  @Test
  @Tag(KNOWN_DEFECT)
  void earlyRefreshRecomputesBeforeExpiryWhileOthersKeepTheirHits() throws Exception {
    earlyRefresh(Mode.SYNC);
  }

  /** {@link #earlyRefreshRecomputesBeforeExpiryWhileOthersKeepTheirHits()} through {@code cachedAsync}. */
  @Test
  @Tag(KNOWN_DEFECT)
  void earlyRefreshRecomputesBeforeExpiryWhileOthersKeepTheirHitsAsync() throws Exception {
    earlyRefresh(Mode.ASYNC);
  }

  private void earlyRefresh(Mode mode) throws Exception {
    Duration ttl = Duration.ofSeconds(3);
    String key = "hot";
    try (Hermes me = hermes(backend).build()) {
      AtomicInteger generation = new AtomicInteger();
      AtomicLong firstStarted = new AtomicLong();
      AtomicLong secondStarted = new AtomicLong();
      AtomicBoolean refreshing = new AtomicBoolean();
      Callable<Integer> loader = () -> {
        int current = generation.incrementAndGet();
        (current == 1 ? firstStarted : secondStarted).compareAndSet(0, System.nanoTime());
        refreshing.set(current > 1);
        try {
          Thread.sleep(500); // what makes XFetch refresh early: a computation that takes a while
          return current;
        } finally {
          refreshing.set(false);
        }
      };
      assertThat(value(call(mode, me, key, ttl, Integer.class, "coherence-first", loader))).isEqualTo(1);

      long giveUp = firstStarted.get() + ttl.multipliedBy(2).toNanos();
      AtomicInteger keptHits = new AtomicInteger();
      AtomicBoolean refreshed = new AtomicBoolean();
      List<Running<Void>> callers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        callers.add(start("coherence-hot-" + i, () -> {
          while (!refreshed.get() && System.nanoTime() < giveUp) {
            boolean duringRefresh = refreshing.get();
            int served = invoke(mode, me, key, ttl, Integer.class, loader);
            if (served == 1 && duringRefresh && refreshing.get()) {
              keptHits.incrementAndGet();
            }
            if (served > 1) {
              refreshed.set(true);
            }
            Thread.sleep(5); // paces the calls; orders nothing
          }
          return null;
        }));
      }
      for (Running<Void> caller : callers) {
        value(caller);
      }

      assertThat(generation.get()).as("the hot key was recomputed").isGreaterThanOrEqualTo(2);
      assertThat(Duration.ofNanos(secondStarted.get() - firstStarted.get()))
          .as("the recomputation started before the first value could have expired").isLessThan(ttl);
      assertThat(keptHits.get()).as("callers were served the current value while one caller refreshed").isPositive();
      assertThat(me.stats().total().misses()).as("an early refresh is not a miss: %s", me.stats().total())
          .isLessThanOrEqualTo(me.stats().total().loads());
    }
  }

  // --- 4. a computation longer than the lease ------------------------------------------------------------

  /**
   * Issue 14, defect 4, blocking: a computation longer than the lock lease (1 s lease, 2.5 s loader) is
   * cached: the second call is a hit. (Today the lock expires under the computation and its value is
   * dropped, silently.) This one takes seconds by nature; a fake clock would not shorten it, since the
   * lease lives in the server.
   */
  @Test
  @Tag(KNOWN_DEFECT)
  void aComputationLongerThanTheLeaseIsCached() throws Exception {
    longerThanTheLease(Mode.SYNC);
  }

  /** {@link #aComputationLongerThanTheLeaseIsCached()} through {@code cachedAsync}. */
  @Test
  @Tag(KNOWN_DEFECT)
  void aComputationLongerThanTheLeaseIsCachedAsync() throws Exception {
    longerThanTheLease(Mode.ASYNC);
  }

  private void longerThanTheLease(Mode mode) throws Exception {
    try (Hermes me = hermes(backend).lockLease(Duration.ofSeconds(1)).build()) {
      AtomicInteger loads = new AtomicInteger();
      assertThat(value(call(mode, me, "long", "coherence-long", () -> {
        loads.incrementAndGet();
        Thread.sleep(2500); // longer than the lease: the point of the test
        return "computed";
      }))).isEqualTo("computed");
      assertThat(value(call(mode, me, "long", "coherence-again", () -> {
        loads.incrementAndGet();
        return "again";
      }))).as("the long computation was stored").isEqualTo("computed");
      assertThat(loads).hasValue(1);
      assertThat(me.stats().total().hits()).isEqualTo(1);
    }
  }

  // --- 5. an interrupted leader --------------------------------------------------------------------------

  /**
   * Issue 14, defect 5: a caller that leads this JVM's wait for a peer's computation is interrupted; a
   * caller that joined it, and was not interrupted, still gets a value (the peer's, or its own). (Today it
   * fails with "Interrupted while waiting for a value computed elsewhere".) The interrupt is delivered as the
   * leader returns from one of its polls of the backend ({@link Pause#releaseInterrupted()}), so that it
   * lands on the engine's own wait, not inside a client library's I/O. Asynchronous calls block no
   * caller's thread, so there is nothing to interrupt there; cancelling one caller's stage is covered by
   * {@link BackendContractTest}.
   */
  @Test
  @Tag(KNOWN_DEFECT)
  void anInterruptedLeaderDoesNotFailItsFollowers() throws Exception {
    String key = "interrupted";
    try (Hermes peer = hermes(backend).build(); Hermes me = hermes(pausing).build()) {
      CountDownLatch peerComputing = new CountDownLatch(1);
      CountDownLatch peerRelease = new CountDownLatch(1);
      Running<String> peerCall = call(Mode.SYNC, peer, key, "coherence-peer", () -> {
        peerComputing.countDown();
        peerRelease.await();
        return "peer";
      });
      await(peerComputing);

      Running<String> leader = call(Mode.SYNC, me, key, "coherence-leader", () -> "leader");
      awaitUntil(() -> pausing.completedCalls().stream().anyMatch(
          c -> c.thread() == leader.thread() && c.operation() == Operation.TRY_LOCK) || leader.result().isDone());
      pausing.awaitParked(leader.thread());
      Running<String> follower = call(Mode.SYNC, me, key, "coherence-follower", () -> "follower");
      awaitAtRest(Mode.SYNC, follower, 0);

      // the interrupt lands just after one of the leader's polls for the peer's value, on its next wait
      Pause leaderPoll = pausing.pause(Phase.AFTER,
          c -> c.thread() == leader.thread() && c.operation() == Operation.GET_ALL);
      try {
        leaderPoll.reached().get(5, TimeUnit.SECONDS);
        leaderPoll.releaseInterrupted();
      } catch (TimeoutException notPolling) {
        // an engine that waits without polling the backend: interrupt it where it waits
        leaderPoll.release();
        pausing.awaitParked(leader.thread());
        leader.thread().interrupt();
      }
      peerRelease.countDown();
      assertThat(value(peerCall)).isEqualTo("peer");
      assertThat(value(follower)).as("a caller that was not interrupted gets a value").isIn("peer", "follower");
      leader.result().handle((v, e) -> v).get(30, TimeUnit.SECONDS);
    }
  }

  // --- how the tests call --------------------------------------------------------------------------------

  /** {@code key} with tag "t" and a TTL of a minute, called in {@code mode}; a blocking call gets a thread named {@code name}. */
  protected Running<String> call(Mode mode, Hermes hermes, String key, String name, Callable<String> loader) {
    return call(mode, hermes, key, MINUTE, String.class, name, loader);
  }

  protected <T> Running<T> call(Mode mode, Hermes hermes, String key, Duration ttl, Class<T> type, String name,
      Callable<T> loader) {
    if (mode == Mode.SYNC) {
      return start(name, () -> hermes.cached(key, TAGS, ttl, type, loader));
    }
    return new Running<>(null, cachedAsync(hermes, key, ttl, type, loader));
  }

  /** The value of one call in {@code mode}, made on the current thread. */
  protected <T> T invoke(Mode mode, Hermes hermes, String key, Duration ttl, Class<T> type, Callable<T> loader)
      throws Exception {
    if (mode == Mode.SYNC) {
      return hermes.cached(key, TAGS, ttl, type, loader);
    }
    return value(new Running<>(null, cachedAsync(hermes, key, ttl, type, loader)));
  }

  private <T> CompletableFuture<T> cachedAsync(Hermes hermes, String key, Duration ttl, Class<T> type, Callable<T> loader) {
    return hermes.<T>cachedAsync(key, TAGS, ttl, type, () -> CompletableFuture.supplyAsync(() -> {
      try {
        return loader.call();
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    }, loaders)).toCompletableFuture();
  }

  /** {@code body} on a new thread named {@code name}, started now. */
  protected static <T> Running<T> start(String name, Callable<T> body) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        result.complete(body.call());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return new Running<>(thread, result);
  }

  /** The outcome of a call, within 30 s; its failure is thrown as it is. */
  protected static <T> T value(Running<T> running) throws Exception {
    try {
      return running.result().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof CompletionException && e.getCause().getCause() != null
          ? e.getCause().getCause() : e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      throw (Error) cause;
    } catch (TimeoutException e) {
      throw new AssertionError("the call did not finish within 30 s"
          + (running.thread() != null ? "; " + running.thread().getName() + " is " + running.thread().getState() : ""), e);
    }
  }

  /**
   * Waits until a call can make no progress before something else happens: it has finished, or it has
   * read the backend and its thread (its executor's threads, asynchronously) is parked outside any
   * backend call, e.g. waiting for a lock or for a computation it joined.
   */
  private void awaitAtRest(Mode mode, Running<?> running, long executorReadsBefore) {
    if (mode == Mode.SYNC) {
      awaitUntil(() -> running.result().isDone() || pausing.completedCalls(running.thread()) > 0);
      pausing.awaitParked(running.thread());
    } else {
      awaitUntil(() -> running.result().isDone() || executorReads() > executorReadsBefore);
      pausing.awaitParked(executorThreads);
    }
  }

  private boolean callerThread(Mode mode, Thread thread, String name) {
    return mode == Mode.SYNC ? thread.getName().equals(name) : executorThreads.contains(thread);
  }

  private long executorReads() {
    return pausing.completedCalls().stream()
        .filter(c -> c.operation() == Operation.GET_ALL && executorThreads.contains(c.thread())).count();
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    assertThat(latch.await(30, TimeUnit.SECONDS)).as("reached within 30 s").isTrue();
  }

  private static void awaitUntil(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within 30 s");
      }
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
    }
  }
}
