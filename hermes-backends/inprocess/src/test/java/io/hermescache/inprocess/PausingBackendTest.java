package io.hermescache.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.spi.Backend;
import io.hermescache.spi.Payload;
import io.hermescache.test.PausingBackend;
import io.hermescache.test.PausingBackend.Operation;
import io.hermescache.test.PausingBackend.Pause;
import io.hermescache.test.PausingBackend.Phase;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The test tool {@link PausingBackend}, on the in-process backend. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PausingBackendTest {

  /** A thread per task, as JDK 17 gave CompletableFuture on two cores; JDK 21+ use a common pool of one thread there. */
  private static final java.util.concurrent.Executor NEW_THREAD = task -> {
    Thread thread = new Thread(task);
    thread.setDaemon(true);
    thread.start();
  };

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final InProcessBackend real = new InProcessBackend(100);
  private final PausingBackend backend = new PausingBackend(real);

  @AfterEach
  void close() {
    backend.close();
  }

  @Test
  void forwardsEveryCallWhenNothingIsPaused() {
    backend.set("a", Payload.of("1"), MINUTE);
    assertThat(backend.add("a", Payload.of("2"), MINUTE)).isFalse();
    assertThat(backend.tryLock("lock", "me", MINUTE)).isTrue();
    assertThat(backend.setIfLocked("lock", "me", "b", Payload.of("3"), MINUTE)).isTrue();
    assertThat(backend.setIfLocked("lock", "other", "b", Payload.of("4"), MINUTE)).isFalse();
    backend.unlock("lock", "me");
    assertThat(real.getAll(List.of("a", "b", "lock"))).containsExactly(Payload.of("1"), Payload.of("3"), null);
    backend.delete("a");
    assertThat(backend.getAll(List.of("a", "b"))).containsExactly(null, Payload.of("3"));
    assertThat(backend.keyLimits()).isEqualTo(real.keyLimits());
    assertThat(backend.completedCalls()).extracting(PausingBackend.Call::operation).containsExactly(Operation.SET,
        Operation.ADD, Operation.TRY_LOCK, Operation.SET_IF_LOCKED, Operation.SET_IF_LOCKED, Operation.UNLOCK,
        Operation.DELETE, Operation.GET_ALL, Operation.KEY_LIMITS);
  }

  @Test
  void aPausedCallWaitsBeforeTheServerUntilReleased() throws Exception {
    Pause delete = backend.pause(Operation.DELETE, key -> key.equals("a"));
    backend.set("a", Payload.of("1"), MINUTE);
    CompletableFuture<Void> deleting = CompletableFuture.runAsync(() -> backend.delete("other", "a"), NEW_THREAD);

    PausingBackend.Call stopped = delete.awaitReached();
    assertThat(stopped.keys()).containsExactly("other", "a");
    assertThat(real.getAll(List.of("a"))).as("the delete has not reached the server").containsExactly(Payload.of("1"));
    assertThat(deleting).isNotDone();
    backend.awaitParked(stopped.thread());
    assertThat(backend.isCalling(stopped.thread())).isTrue();

    delete.release();
    deleting.get(10, TimeUnit.SECONDS);
    assertThat(real.getAll(List.of("a"))).containsExactly((Payload) null);
    backend.delete("a");
    assertThat(delete.calls()).as("a released pause stops nothing more").isEqualTo(1);
  }

  @Test
  void onlyMatchingCallsArePaused() {
    Pause pause = backend.pause(Operation.SET, key -> key.startsWith("slow"));
    backend.set("fast", Payload.of("1"), MINUTE);
    backend.add("slow", Payload.of("2"), MINUTE);
    assertThat(pause.isReached()).isFalse();
    assertThat(backend.getAll(List.of("fast", "slow"))).containsExactly(Payload.of("1"), Payload.of("2"));
  }

  @Test
  void aPauseAfterTheCallSeesWhatTheServerReturned() throws Exception {
    backend.set("k", Payload.of("v"), MINUTE);
    Pause found = backend.pause(Phase.AFTER, call -> call.operation() == Operation.GET_ALL && call.foundFirstKey());
    assertThat(backend.getAll(List.of("absent"))).containsExactly((Payload) null);
    CompletableFuture<List<Payload>> reading = CompletableFuture.supplyAsync(() -> backend.getAll(List.of("k")), NEW_THREAD);

    assertThat(found.awaitReached().result()).isEqualTo(List.of(Payload.of("v")));
    backend.delete("k");
    assertThat(reading).isNotDone();
    found.release();
    assertThat(reading.get(10, TimeUnit.SECONDS)).as("what was read before the delete").containsExactly(Payload.of("v"));
  }

  @Test
  void aPausedCallCanBeMadeToFail() throws Exception {
    Pause lock = backend.pause(Operation.TRY_LOCK, key -> true);
    CompletableFuture<Boolean> locking = CompletableFuture.supplyAsync(() -> backend.tryLock("l", "t", MINUTE), NEW_THREAD);
    lock.awaitReached();
    lock.fail(new IllegalStateException("server gone (test)"));
    assertThat(locking).failsWithin(10, TimeUnit.SECONDS).withThrowableThat().havingRootCause()
        .withMessage("server gone (test)");
    assertThatThrownBy(() -> backend.tryLock("l", "t", MINUTE)).hasMessage("server gone (test)");
    lock.release();
    assertThat(backend.tryLock("l", "t", MINUTE)).isTrue();
  }

  @Test
  void failingCallsNeverReachTheServer() {
    Pause failing = backend.fail(call -> call.operation().writes(), new IllegalStateException("read-only (test)"));
    assertThatThrownBy(() -> backend.set("k", Payload.of("v"), MINUTE)).hasMessage("read-only (test)");
    assertThat(backend.getAll(List.of("k"))).containsExactly((Payload) null);
    assertThat(failing.calls()).isEqualTo(1);
    failing.release();
    backend.set("k", Payload.of("v"), MINUTE);
    assertThat(backend.getAll(List.of("k"))).containsExactly(Payload.of("v"));
  }

  @Test
  void awaitParkedTellsAThreadWaitingOutsideTheBackend() throws Exception {
    CountDownLatch latch = new CountDownLatch(1);
    Thread waiting = new Thread(() -> {
      backend.getAll(List.of("x"));
      try {
        latch.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    waiting.start();
    backend.awaitParked(waiting);
    assertThat(backend.completedCalls(waiting)).isEqualTo(1);
    assertThat(backend.isCalling(waiting)).isFalse();
    latch.countDown();
    waiting.join();
  }

  /** A default method of the SPI not overridden here would bypass the pauses: every one must be. */
  @Test
  void overridesEveryMethodOfTheSpi() throws NoSuchMethodException {
    for (Method method : Backend.class.getMethods()) {
      if (Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      Method own = PausingBackend.class.getMethod(method.getName(), method.getParameterTypes());
      assertThat(own.getDeclaringClass()).as("PausingBackend overrides %s", method).isEqualTo(PausingBackend.class);
    }
    assertThat(Operation.values()).as("one operation kind per method of the SPI")
        .hasSize((int) Arrays.stream(Backend.class.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers())).count());
  }
}
