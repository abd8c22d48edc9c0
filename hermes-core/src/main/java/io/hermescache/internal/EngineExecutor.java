package io.hermescache.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The configured executor, or Hermes' own daemon threads, made on first need (creating Hermes has no side effects). */
final class EngineExecutor {

  private final Executor configured;
  private volatile ExecutorService own;

  EngineExecutor(Executor configured) {
    this.configured = configured;
  }

  Executor get() {
    if (configured != null) {
      return configured;
    }
    ExecutorService current = own;
    if (current == null) {
      synchronized (this) {
        current = own;
        if (current == null) {
          AtomicInteger threads = new AtomicInteger();
          current = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "hermes-async-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
          own = current;
        }
      }
    }
    return current;
  }

  /** Shuts down Hermes' own threads, if it made them. */
  void close() {
    ExecutorService current = own;
    if (current != null) {
      current.shutdown();
    }
  }
}
