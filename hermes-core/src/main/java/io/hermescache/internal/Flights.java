package io.hermescache.internal;

import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single flight in this JVM: concurrent callers of one key, of one value type, that read exactly the same
 * versions (entry version included) share one computation. A flight leaves the map as soon as its result
 * is known, before anyone sees it, so a later caller never joins a finished computation.
 */
final class Flights {

  private final Map<FlightKey, Flight> running = new ConcurrentHashMap<>();

  /**
   * The running flight {@code mine} is to follow, or {@code null}: then the caller leads {@code mine}, and
   * must complete its {@link Flight#result}.
   */
  Flight follow(String key, Type type, Flight mine) {
    FlightKey flightKey = new FlightKey(key, type);
    while (true) {
      Flight current = running.putIfAbsent(flightKey, mine);
      if (current == null || !current.computesUnder(mine.versions) && running.replace(flightKey, current, mine)) {
        mine.result.whenComplete((value, error) -> {
          running.remove(flightKey, mine);
          if (error != null) {
            mine.outcome.completeExceptionally(error);
          } else {
            mine.outcome.complete(value);
          }
        });
        return null;
      }
      if (current.computesUnder(mine.versions)) {
        return current;
      }
    }
  }

  /** Forgets the flights of {@code key}: called once its invalidation was written to the backend. */
  void forget(String key) {
    running.keySet().removeIf(flightKey -> flightKey.key.equals(key));
  }

  void clear() {
    running.clear();
  }

  private record FlightKey(String key, Type type) {}

  /**
   * One computation: the leader completes {@link #result}; followers see {@link #outcome}, completed once the
   * flight has left the map. {@link Abandoned} as outcome tells followers to start over.
   */
  static final class Flight {
    final byte[][] versions;
    final CompletableFuture<Object> result = new CompletableFuture<>();
    final CompletableFuture<Object> outcome = new CompletableFuture<>();

    Flight(byte[][] versions) {
      this.versions = versions.clone();
    }

    boolean computesUnder(byte[][] current) {
      return Arrays.deepEquals(versions, current);
    }
  }

  /**
   * The leader stopped for a reason of its own (it was interrupted, its stage cancelled): followers, who were
   * not, start over instead of failing.
   */
  static final class Abandoned extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abandoned() {
      super("the computation this call joined was abandoned by its leader", null, false, false);
    }

    /** Whether {@code error}, met by a leader, abandons its flight rather than failing it. */
    static boolean by(Throwable error) {
      for (Throwable cause = error; cause != null; cause = cause.getCause()) {
        if (cause instanceof InterruptedException || cause instanceof java.util.concurrent.CancellationException
            || cause instanceof java.io.InterruptedIOException || cause instanceof Abandoned) {
          return true;
        }
      }
      return Thread.currentThread().isInterrupted();
    }
  }
}
