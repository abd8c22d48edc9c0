package io.hermescache.internal;

/**
 * {@code hermes.invalidate(() -> bean.method(args))}: while the call runs on this thread, the intercepted
 * cached call drops the entry it would read instead of reading it.
 */
final class InvalidationMode {

  private final ThreadLocal<Pending> pending = new ThreadLocal<>();

  /** Runs {@code call} in invalidation mode; it must reach a cached method. */
  void run(Runnable call) {
    Pending outer = pending.get();
    Pending mine = new Pending();
    pending.set(mine);
    try {
      call.run();
    } finally {
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

  /** In invalidation mode: invalidates {@code key} on {@code engine} and says so. */
  boolean invalidatesInstead(HermesEngine engine, String key) {
    Pending current = pending.get();
    if (current == null) {
      return false;
    }
    current.reached = true;
    engine.invalidate(key);
    return true;
  }

  private static final class Pending {
    boolean reached;
  }
}
