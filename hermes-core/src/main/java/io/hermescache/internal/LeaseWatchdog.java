package io.hermescache.internal;

import io.hermescache.spi.Backend;
import io.hermescache.spi.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Renews the lock of a running computation every third of the lease (compare-and-extend with the holder's
 * token), as Redisson's lock watchdog does, so that a computation longer than {@code hermes.lock.lease}
 * keeps its lock and is stored. A dead holder stops renewing, and its lock expires after the lease.
 */
final class LeaseWatchdog {

  private final Clock clock;
  private final Duration lease;
  private final Duration period;
  private final Supplier<Executor> executor;

  LeaseWatchdog(Clock clock, Duration lease, Supplier<Executor> executor) {
    this.clock = clock;
    this.lease = lease;
    Duration third = lease.dividedBy(3);
    this.period = third.isZero() ? Duration.ofNanos(1) : third;
    this.executor = executor;
  }

  Duration lease() {
    return lease;
  }

  /** Starts renewing {@code lockKey} for {@code token}; stop the returned watch when the computation ends. */
  Watch watch(Backend backend, String lockKey, String token) {
    Watch watch = new Watch(backend, lockKey, token);
    watch.scheduleNext();
    return watch;
  }

  /** The renewal of one lock. */
  final class Watch {
    private final Backend backend;
    private final String lockKey;
    private final String token;
    private volatile boolean stopped;
    private volatile boolean lost;
    private volatile Clock.Cancellable next;

    private Watch(Backend backend, String lockKey, String token) {
      this.backend = backend;
      this.lockKey = lockKey;
      this.token = token;
    }

    /** Stops renewing; the holder frees or keeps the lock as it decides. */
    void stop() {
      stopped = true;
      Clock.Cancellable pending = next;
      if (pending != null) {
        pending.cancel();
      }
    }

    /** Whether a renewal found the lock no longer held by this computation. */
    boolean lost() {
      return lost;
    }

    private void scheduleNext() {
      if (!stopped) {
        next = clock.schedule(() -> executor.get().execute(this::renew), period);
      }
    }

    private void renew() {
      if (stopped) {
        return;
      }
      try {
        if (!backend.extendLock(lockKey, token, lease)) {
          lost = true;
          return;
        }
      } catch (RuntimeException e) {
        // the backend is failing; the next renewal may succeed, and the store will tell
      }
      scheduleNext();
    }
  }
}
