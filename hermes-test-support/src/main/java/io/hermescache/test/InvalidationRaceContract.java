package io.hermescache.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.test.PausingBackend.Operation;
import io.hermescache.test.PausingBackend.Pause;
import io.hermescache.test.PausingBackend.Phase;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalidations that race a computation started before them (issue 14, defects 1 and 2): a waiter that gave
 * up on the lock, and a computation joined in the gap of an invalidation, each around {@code invalidate(key)},
 * {@code clean(tag)} and {@code clean()}, blocking and asynchronous.
 */
public abstract class InvalidationRaceContract extends CoherenceFixture {

  private static final String CLEANS_AND_MODES = "io.hermescache.test.InvalidationRaceContract#cleansAndModes";

  /** {@code clean(tag)} and {@code clean()}, each blocking and asynchronous. */
  static Stream<Arguments> cleansAndModes() {
    return Stream.of(Invalidation.TAG, Invalidation.NAMESPACE)
        .flatMap(clean -> Stream.of(Mode.values()).map(mode -> Arguments.of(clean, mode)));
  }

  // --- 1. a waiter that gave up on the lock --------------------------------------------------------------

  /**
   * Issue 14, defect 1, blocking and through {@code cachedAsync}: a peer holds the key's lock in a slow
   * computation; this node gives up waiting after its short lock timeout and computes itself;
   * {@code invalidate(key)} returns while it does. The next call must load again, and the peer's value must not be served either. (Today the
   * invalidation frees the lock, the waiter takes it and stores its value for the whole TTL.) With a fake
   * clock, the lock timeout would be stepped over instead of waited for.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  @Tag(KNOWN_DEFECT)
  void aWaiterThatGaveUpOnTheLockLosesToInvalidateKey(Mode mode) throws Exception {
    waiterThatGaveUpLosesTo(Invalidation.ENTRY, mode);
  }

  /** {@link #aWaiterThatGaveUpOnTheLockLosesToInvalidateKey} with {@code clean(tag)} or {@code clean()}. */
  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource(CLEANS_AND_MODES)
  void aWaiterThatGaveUpOnTheLockLosesToClean(Invalidation clean, Mode mode) throws Exception {
    waiterThatGaveUpLosesTo(clean, mode);
  }

  private void waiterThatGaveUpLosesTo(Invalidation invalidation, Mode mode) throws Exception {
    String key = "gave-up";
    try (Hermes peer = hermes(backend).build(); Hermes me = hermes(pausing).lockTimeout(Duration.ofMillis(200)).build()) {
      HeldCall peerCall = callHeldInItsComputation(Mode.SYNC, peer, key, "coherence-peer", "peer");
      HeldCall waiter = callHeldInItsComputation(mode, me, key, "coherence-waiter", "waiter");
      invalidation.apply(me, key);
      waiter.release();
      assertThat(value(waiter.call())).as("a caller gets its own computed value").isEqualTo("waiter");

      assertThat(value(call(mode, me, key, "coherence-next", () -> "fresh")))
          .as("the first call after %s returned computes again", invalidation).isEqualTo("fresh");
      peerCall.release();
      assertThat(value(peerCall.call())).isEqualTo("peer");
      assertThat(value(call(mode, me, key, "coherence-last", () -> "after")))
          .as("no value computed before %s returned is served after it", invalidation).isIn("fresh", "after");
    }
  }

  // --- 2. a computation joined in the gap of an invalidation ---------------------------------------------

  /**
   * Issue 14, defect 2, blocking and through {@code cachedAsync}: {@code invalidate(key)} is stopped just
   * before its first write reaches the server; in that gap a caller starts, waits for the lock of a computation that began before the
   * invalidation, and reads that computation's value (stopped right after the read). Once the invalidation
   * has returned, a new caller must not be handed that value by joining the gap caller's computation.
   * (Today {@code invalidate} empties the map of running computations before the delete, so the gap
   * caller's computation is registered under the same versions and the new caller joins it.)
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  @Tag(KNOWN_DEFECT)
  void aCallerAfterInvalidateKeyDoesNotJoinAComputationFromBeforeIt(Mode mode) throws Exception {
    noCallerAfterInvalidationGetsTheGapsValue(Invalidation.ENTRY, mode);
  }

  /** The same interleaving around {@code clean(tag)} or {@code clean()}. */
  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource(CLEANS_AND_MODES)
  void aCallerAfterCleanDoesNotJoinAComputationFromBeforeIt(Invalidation clean, Mode mode) throws Exception {
    noCallerAfterInvalidationGetsTheGapsValue(clean, mode);
  }

  private void noCallerAfterInvalidationGetsTheGapsValue(Invalidation invalidation, Mode mode) throws Exception {
    String key = "gap";
    try (Hermes me = hermes(pausing).build()) {
      // A computes since before the invalidation, holding the lock
      HeldCall a = callHeldInItsComputation(Mode.SYNC, me, key, "coherence-a", "A");

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

      a.release();
      assertThat(value(a.call())).isEqualTo("A");
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
}
