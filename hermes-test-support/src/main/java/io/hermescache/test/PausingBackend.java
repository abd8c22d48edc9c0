package io.hermescache.test;

import io.hermescache.spi.Backend;
import io.hermescache.spi.KeyLimits;
import io.hermescache.spi.Payload;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A {@link Backend} that forwards every call to a real one and lets a test stop chosen calls where they
 * are, to drive an exact interleaving with latches instead of sleeps: pause a call before (or after) it
 * reaches the real backend, wait until a thread gets there, then let it go on, or make it throw.
 *
 * <pre>{@code
 * PausingBackend backend = new PausingBackend(realBackend);
 * Hermes hermes = Hermes.builder().backend(backend).build();
 * PausingBackend.Pause delete = backend.pause(Operation.DELETE, key -> key.endsWith(":entry:k"));
 * Thread invalidating = new Thread(() -> hermes.invalidate("k"));
 * invalidating.start();
 * delete.awaitReached();          // invalidate is now stopped just before its delete reaches the server
 * ...                             // whatever must happen in that gap
 * delete.release();               // the delete goes on; later matching calls pass straight through
 * invalidating.join();
 * }</pre>
 *
 * <p>A pause holds every matching call from the moment it is armed until {@link Pause#release()} or
 * {@link Pause#fail(RuntimeException)}; afterwards matching calls pass (or fail) at once. It also
 * remembers which threads are inside a call ({@link CallerThreads}), so that {@link #awaitParked} can tell
 * a thread that waits for something outside the backend (a latch, a shared computation, a backoff) from one
 * that is talking to the server.
 *
 * <p>Every method of {@link Backend} is overridden here, including those with a default implementation,
 * so that a default never bypasses the pauses; {@code PausingBackendTest} checks that by reflection, so a
 * method added to the SPI later fails that test until it is forwarded here too.
 */
public final class PausingBackend implements Backend {

  /** The kinds of backend call, one per method of {@link Backend}. */
  public enum Operation {
    GET_ALL, SET, ADD, DELETE, TRY_LOCK, EXTEND_LOCK, UNLOCK, SET_IF_LOCKED, KEY_LIMITS, INVALIDATION_CHANNEL,
    IN_PROCESS, CLOSE;

    /** Whether the call changes what the server holds. */
    public boolean writes() {
      return this != GET_ALL && this != KEY_LIMITS && this != INVALIDATION_CHANNEL && this != IN_PROCESS
          && this != CLOSE;
    }
  }

  /** Where a pause stops a call: before it reaches the real backend, or after it returned from it. */
  public enum Phase { BEFORE, AFTER }

  /**
   * One call: its kind, the keys it names (entry, lock and tag keys alike), the thread making it, and, for
   * {@link Phase#AFTER}, what the real backend returned ({@code null} for void calls or before).
   */
  public record Call(Operation operation, List<String> keys, Thread thread, Object result) {

    /** Whether any key of the call matches. */
    public boolean anyKey(Predicate<String> key) {
      return keys.stream().anyMatch(key);
    }

    /** For a {@link Operation#GET_ALL} after it returned: whether it found the first key it asked for. */
    public boolean foundFirstKey() {
      return result instanceof List<?> values && !values.isEmpty() && values.get(0) != null;
    }
  }

  private final Backend delegate;
  private final List<Pause> pauses = new CopyOnWriteArrayList<>();
  private final CallerThreads callers = new CallerThreads();
  private final List<Call> completed = new CopyOnWriteArrayList<>();

  public PausingBackend(Backend delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The backend every call is forwarded to. */
  public Backend delegate() {
    return delegate;
  }

  /** Pauses, before they reach the server, the calls of kind {@code operation} naming a key that matches. */
  public Pause pause(Operation operation, Predicate<String> key) {
    return pause(Phase.BEFORE, call -> call.operation() == operation && call.anyKey(key));
  }

  /** Pauses the calls that {@code matching} accepts, at {@code phase}. */
  public Pause pause(Phase phase, Predicate<Call> matching) {
    Pause pause = new Pause(phase, matching);
    pauses.add(pause);
    return pause;
  }

  /** Makes the calls {@code matching} accepts throw {@code failure} instead of reaching the server, until released. */
  public Pause fail(Predicate<Call> matching, RuntimeException failure) {
    Pause pause = new Pause(Phase.BEFORE, matching);
    pause.armedFailure = true;
    pause.fail(failure);
    pauses.add(pause);
    return pause;
  }

  /** The calls that have returned from the real backend so far, in order, for assertions and conditions. */
  public List<Call> completedCalls() {
    return List.copyOf(completed);
  }

  /** How many calls made by {@code thread} have returned from the real backend. */
  public long completedCalls(Thread thread) {
    return completed.stream().filter(call -> call.thread() == thread).count();
  }

  /** Whether {@code thread} is inside a call to this backend (talking to the server, or held by a pause). */
  public boolean isCalling(Thread thread) {
    return callers.isCalling(thread);
  }

  /**
   * Waits (up to 30 s, then fails) until every thread of {@code threads} is finished, or parked
   * ({@code WAITING} / {@code TIMED_WAITING}) outside any backend call, or held by a pause of this
   * backend: the moment such threads can do nothing more until something else happens. For example, a
   * caller that joined another caller's computation in the same JVM is parked outside the backend.
   */
  public void awaitParked(Collection<Thread> threads) {
    callers.awaitParked(threads);
  }

  /** {@link #awaitParked(Collection)} for one thread. */
  public void awaitParked(Thread thread) {
    awaitParked(List.of(thread));
  }

  // --- the SPI, each call through the pauses ----------------------------------------------------------

  @Override
  public List<Payload> getAll(List<String> keys) {
    return through(Operation.GET_ALL, keys, () -> delegate.getAll(keys));
  }

  @Override
  public void set(String key, Payload value, Duration ttl) {
    through(Operation.SET, List.of(key), () -> {
      delegate.set(key, value, ttl);
      return null;
    });
  }

  @Override
  public boolean add(String key, Payload value, Duration ttl) {
    return through(Operation.ADD, List.of(key), () -> delegate.add(key, value, ttl));
  }

  @Override
  public void delete(String... keys) {
    through(Operation.DELETE, Arrays.asList(keys.clone()), () -> {
      delegate.delete(keys);
      return null;
    });
  }

  @Override
  public boolean tryLock(String lockKey, String token, Duration lease) {
    return through(Operation.TRY_LOCK, List.of(lockKey), () -> delegate.tryLock(lockKey, token, lease));
  }

  @Override
  public void unlock(String lockKey, String token) {
    through(Operation.UNLOCK, List.of(lockKey), () -> {
      delegate.unlock(lockKey, token);
      return null;
    });
  }

  @Override
  public boolean setIfLocked(String lockKey, String token, String key, Payload value, Duration ttl) {
    return through(Operation.SET_IF_LOCKED, List.of(lockKey, key),
        () -> delegate.setIfLocked(lockKey, token, key, value, ttl));
  }

  /** The delegate's atomic compare-and-extend (the lease watchdog's renewal), not the SPI's read-then-set default. */
  @Override
  public boolean extendLock(String lockKey, String token, Duration lease) {
    return through(Operation.EXTEND_LOCK, List.of(lockKey), () -> delegate.extendLock(lockKey, token, lease));
  }

  @Override
  public KeyLimits keyLimits() {
    return through(Operation.KEY_LIMITS, List.of(), delegate::keyLimits);
  }

  @Override
  public java.util.Optional<io.hermescache.spi.InvalidationChannel> invalidationChannel(String prefix) {
    return through(Operation.INVALIDATION_CHANNEL, List.of(), () -> delegate.invalidationChannel(prefix));
  }

  @Override
  public boolean inProcess() {
    return through(Operation.IN_PROCESS, List.of(), delegate::inProcess);
  }

  @Override
  public void close() {
    through(Operation.CLOSE, List.of(), () -> {
      delegate.close();
      return null;
    });
  }

  private <T> T through(Operation operation, List<String> keys, java.util.function.Supplier<T> real) {
    Thread thread = Thread.currentThread();
    callers.enter();
    try {
      holdIfPaused(Phase.BEFORE, new Call(operation, List.copyOf(keys), thread, null));
      T result = real.get();
      Call done = new Call(operation, List.copyOf(keys), thread, result);
      completed.add(done);
      holdIfPaused(Phase.AFTER, done);
      return result;
    } finally {
      callers.leave();
    }
  }

  private void holdIfPaused(Phase phase, Call call) {
    for (Pause pause : pauses) {
      if (pause.phase == phase && pause.matching.test(call)) {
        pause.hold(call);
      }
    }
  }

  /** A pause armed on this backend: observe the calls it stopped, then let them go on or fail. */
  public final class Pause {
    private final Phase phase;
    private final Predicate<Call> matching;
    private final CompletableFuture<Call> reached = new CompletableFuture<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicInteger held = new AtomicInteger();
    private volatile boolean armedFailure;
    private volatile boolean interruptOnRelease;

    private Pause(Phase phase, Predicate<Call> matching) {
      this.phase = phase;
      this.matching = matching;
    }

    private void hold(Call call) {
      held.incrementAndGet();
      reached.complete(call);
      if (!armedFailure) {
        callers.held(call.thread(), this);
        try {
          released.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while paused by the test", e);
        } finally {
          callers.released(call.thread(), this);
        }
        if (interruptOnRelease) {
          Thread.currentThread().interrupt();
        }
      }
      RuntimeException thrown = failure.get();
      if (thrown != null) {
        throw thrown;
      }
    }

    /** Completes with the first call this pause stopped. */
    public CompletableFuture<Call> reached() {
      return reached;
    }

    /** Waits (up to 30 s, then fails) until a call is stopped here; returns it. */
    public Call awaitReached() {
      try {
        return reached.get(30, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError("no call reached the pause within 30 s", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      } catch (ExecutionException e) {
        throw new AssertionError(e.getCause());
      }
    }

    /** Whether a call has been stopped here. */
    public boolean isReached() {
      return reached.isDone();
    }

    /** How many calls this pause has stopped (or failed) so far. */
    public int calls() {
      return held.get();
    }

    /** Lets the stopped calls go on, and every later matching call pass; the pause is spent. */
    public void release() {
      pauses.remove(this);
      released.countDown();
    }

    /**
     * Lets the stopped calls go on as {@link #release()} does, each with its thread interrupted as it
     * returns: as if the interrupt came just after the call, so that it lands on whatever the caller does
     * next rather than on the backend's own I/O.
     */
    public void releaseInterrupted() {
      interruptOnRelease = true;
      release();
    }

    /** Makes the stopped calls, and later matching ones until {@link #release()}, throw {@code error}. */
    public void fail(RuntimeException error) {
      failure.set(Objects.requireNonNull(error, "error"));
      released.countDown();
    }
  }
}
