package io.hermescache.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code hermes.invalidate(() -> bean.method(args))}: while the call runs on this thread, the intercepted
 * cached call drops the entry it would read instead of reading it.
 */
final class InvalidationMode {

  private final ThreadLocal<Pending> pending = new ThreadLocal<>();
  /** Calls in invalidation mode on any thread: while none is, a cached call skips the thread-local lookup. */
  private final AtomicInteger running = new AtomicInteger();

  /** Runs {@code call} in invalidation mode; it must reach a cached method. */
  void run(Runnable call) {
    Pending outer = pending.get();
    Pending mine = new Pending();
    pending.set(mine);
    running.incrementAndGet();
    try {
      call.run();
    } finally {
      running.decrementAndGet();
      if (outer == null) {
        pending.remove();
      } else {
        pending.set(outer);
      }
    }
    if (!mine.reached) {
      throw new IllegalArgumentException("The call passed to invalidate reached no @HermesCached method"
          + " (was it called on the bean itself rather than on its injected proxy?)");
    }
  }

  boolean active() {
    return pending.get() != null;
  }

  /** In invalidation mode: invalidates the entry of {@code call} (a key or a {@link LocalKey}) and says so. */
  boolean invalidatesInstead(HermesEngine engine, Object call) {
    Pending current = running.get() == 0 ? null : pending.get();
    if (current == null) {
      return false;
    }
    current.reached = true;
    engine.invalidate(LocalKey.keyOf(call));
    return true;
  }

  private static final class Pending {
    boolean reached;
  }
}
