package io.hermescache.internal;

import io.hermescache.spi.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when told; its timers run on the thread that advances it. */
final class FakeClock implements Clock {

  private long nanos = 1_000_000_000L;
  private final long wallOffsetMillis = 1_700_000_000_000L;
  private final List<Timer> timers = new ArrayList<>();

  @Override
  public synchronized long currentTimeMillis() {
    return wallOffsetMillis + nanos / 1_000_000;
  }

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized Cancellable schedule(Runnable task, Duration delay) {
    Timer timer = new Timer(nanos + Math.max(0, delay.toNanos()), task);
    timers.add(timer);
    return () -> {
      synchronized (this) {
        timers.remove(timer);
      }
    };
  }

  /** Moves time on by {@code step}, running the timers that fall due, in order. */
  void advance(Duration step) {
    long target;
    synchronized (this) {
      target = nanos + step.toNanos();
    }
    while (true) {
      Timer next;
      synchronized (this) {
        next = timers.stream().filter(t -> t.due <= target).min((a, b) -> Long.compare(a.due, b.due)).orElse(null);
        if (next == null) {
          nanos = target;
          return;
        }
        timers.remove(next);
        nanos = Math.max(nanos, next.due);
      }
      next.task.run();
    }
  }

  synchronized int pendingTimers() {
    return timers.size();
  }

  private record Timer(long due, Runnable task) {}
}
