package io.hermescache.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.test.PausingBackend.Operation;
import io.hermescache.test.PausingBackend.Pause;
import io.hermescache.test.PausingBackend.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * "Invalidation wins" (DESIGN.md, Coherence) under the interleavings that broke it (issue 14), each one
 * forced with a {@link PausingBackend} and latches, on the backend a subclass provides: once
 * {@code invalidate(key)}, {@code clean(tag)} or {@code clean()} has returned, no caller whose call starts
 * afterwards is served a value whose computation started before it; and the lock, early refresh and
 * interrupts do what they promise. Each backend module extends this class, as it does
 * {@link BackendContractTest}; everything goes through the public API and the SPI only.
 *
 * <p>The invalidation races are in {@link InvalidationRaceContract}; early refresh, a computation longer
 * than the lease and an interrupted leader are here; {@link CoherenceFixture} gives each test its backend,
 * a {@link PausingBackend} on it, and the ways to call the cache.
 *
 * <p>Tests tagged {@value CoherenceFixture#KNOWN_DEFECT} reproduce a defect of the engine before issue 14
 * (each failed on it); the rebuilt engine passes them and every backend module runs them. The tag selects
 * them alone, e.g. {@code -Dgroups=coherence-defect}.
 *
 * <p>No test asserts how long anything took. Where only the passing of time can bring an event about
 * (a lock timeout, a lease, an expiry) the test waits for it with real time; the Javadoc says what a fake
 * clock ({@code Hermes.Builder#clock}, once it exists) would let it do instead.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
public abstract class CoherenceContractTest extends InvalidationRaceContract {

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
      HeldCall peerCall = callHeldInItsComputation(Mode.SYNC, peer, key, "coherence-peer", "peer");

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
      peerCall.release();
      assertThat(value(peerCall.call())).isEqualTo("peer");
      assertThat(value(follower)).as("a caller that was not interrupted gets a value").isIn("peer", "follower");
      leader.result().handle((v, e) -> v).get(30, TimeUnit.SECONDS);
    }
  }
}
