package io.hermescache.internal;

import io.hermescache.spi.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Runs of a loader outside the cache (backend off or failing), counted in their key space. */
final class Loads {

  private Loads() {}

  static Object timed(KeySpace space, Clock clock, Callable<?> loader) throws Exception {
    long start = clock.nanoTime();
    boolean loaded = false;
    try {
      Object value = loader.call();
      loaded = true;
      return value;
    } finally {
      space.counters.recordLoad(clock.nanoTime() - start, loaded);
    }
  }

  static CompletableFuture<Object> timedAsync(KeySpace space, Clock clock,
      Callable<? extends CompletionStage<?>> loader) {
    long start = clock.nanoTime();
    CompletableFuture<Object> result = new CompletableFuture<>();
    AsyncDriver.stage(loader, space.name).whenComplete((value, error) -> {
      space.counters.recordLoad(clock.nanoTime() - start, error == null);
      complete(result, value, error == null ? null : AsyncDriver.unwrap(error));
    });
    return result;
  }

  static void relay(CompletableFuture<Object> source, CompletableFuture<Object> target) {
    source.whenComplete((value, error) -> complete(target, value, error == null ? null : AsyncDriver.unwrap(error)));
  }

  static void complete(CompletableFuture<Object> target, Object value, Throwable error) {
    if (error != null) {
      target.completeExceptionally(error);
    } else {
      target.complete(value);
    }
  }
}
