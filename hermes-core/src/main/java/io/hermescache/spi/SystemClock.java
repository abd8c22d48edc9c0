package io.hermescache.spi;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** {@link Clock#system()}: its timer thread is started on the first {@link #schedule}, never before. */
final class SystemClock implements Clock {

  static final SystemClock INSTANCE = new SystemClock();

  private SystemClock() {}

  @Override
  public long currentTimeMillis() {
    return System.currentTimeMillis();
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    ScheduledFuture<?> scheduled = Timer.THREAD.schedule(task, saturatedNanos(delay), TimeUnit.NANOSECONDS);
    return () -> scheduled.cancel(false);
  }

  private static long saturatedNanos(Duration delay) {
    try {
      return Math.max(0, delay.toNanos());
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /** Holder idiom: the thread exists only once something was scheduled. */
  private static final class Timer {
    static final ScheduledThreadPoolExecutor THREAD = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "hermes-timer");
        thread.setDaemon(true);
        return thread;
      });
      timer.setRemoveOnCancelPolicy(true);
      return timer;
    }
  }
}
