package io.hermescache.test;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Which threads are inside a call to a {@link PausingBackend}, and which are held by one of its pauses, so
 * that {@link #awaitParked} can tell a thread that waits for something outside the backend (a latch, a
 * shared computation, a backoff) from one that is talking to the server.
 */
final class CallerThreads {

  private final Map<Thread, AtomicInteger> inside = new ConcurrentHashMap<>();
  private final Map<Thread, AtomicInteger> transitions = new ConcurrentHashMap<>();
  private final Map<Thread, Object> heldBy = new ConcurrentHashMap<>();

  /** The current thread enters a backend call. */
  void enter() {
    Thread thread = Thread.currentThread();
    inside.computeIfAbsent(thread, t -> new AtomicInteger()).incrementAndGet();
    transitions.computeIfAbsent(thread, t -> new AtomicInteger()).incrementAndGet();
  }

  /** The current thread leaves the backend call it entered last. */
  void leave() {
    Thread thread = Thread.currentThread();
    inside.get(thread).decrementAndGet();
    transitions.get(thread).incrementAndGet();
  }

  /** {@code thread} is held by {@code pause} until {@link #released}. */
  void held(Thread thread, Object pause) {
    heldBy.put(thread, pause);
  }

  void released(Thread thread, Object pause) {
    heldBy.remove(thread, pause);
  }

  boolean isCalling(Thread thread) {
    AtomicInteger depth = inside.get(thread);
    return depth != null && depth.get() > 0;
  }

  /** See {@link PausingBackend#awaitParked(Collection)}. */
  void awaitParked(Collection<Thread> threads) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!threads.stream().allMatch(this::parked)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("threads did not come to rest within 30 s: " + threads.stream()
            .map(t -> t.getName() + "=" + t.getState() + (isCalling(t) ? " (in a backend call)" : "")).toList());
      }
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
    }
  }

  private boolean parked(Thread thread) {
    // the thread's count of calls entered and left, read around its state: unchanged and even means the
    // state was observed outside any call, not in one that started or ended meanwhile
    long before = transitions(thread);
    Thread.State state = thread.getState();
    boolean held = heldBy.containsKey(thread);
    long after = transitions(thread);
    if (state == Thread.State.TERMINATED || held) {
      return true;
    }
    return (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) && before == after && !isCalling(thread);
  }

  private long transitions(Thread thread) {
    AtomicInteger count = transitions.get(thread);
    return count == null ? 0 : count.get();
  }
}
