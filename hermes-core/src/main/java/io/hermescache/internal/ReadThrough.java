package io.hermescache.internal;

import io.hermescache.HermesException;
import io.hermescache.internal.BackendGuard.BackendUnavailable;
import io.hermescache.internal.Flights.Abandoned;
import io.hermescache.internal.Flights.Flight;
import io.hermescache.internal.VersionedRead.State;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * One cached call, blocking or asynchronous: the versioned read; a hit; or a computation, shared with the
 * callers of this JVM that read the same versions, whose leader drives the {@link Computation}. A follower
 * whose leader abandoned the flight (interrupted, cancelled) starts over rather than failing.
 */
final class ReadThrough {

  private final Computation.Parts parts;
  private final VersionedRead reader;
  private final BackendGuard guard;
  private final Flights flights;
  private final EngineExecutor executor;
  private final Clock clock;
  private final RefreshAhead refreshAhead;

  ReadThrough(Computation.Parts parts, Flights flights, EngineExecutor executor) {
    this.parts = parts;
    this.reader = parts.reader();
    this.guard = parts.guard();
    this.flights = flights;
    this.executor = executor;
    this.clock = parts.clock();
    this.refreshAhead = new RefreshAhead(clock, executor, guard);
  }

  /** The call on the caller's thread; the loader runs there too. */
  Object get(KeySpace space, Backend backend, CallKeys keys, Function<Object, Duration> ttl, Duration versionTtl,
      Resilience resilience, LocalHits.Ticket local, Callable<?> loader) throws Exception {
    while (true) {
      VersionedRead.Result read;
      try {
        read = reader.read(space, backend, keys, true, true);
        guard.success();
        createMissingVersions(backend, keys, versionTtl, read);
      } catch (BackendUnavailable e) {
        guard.failed(space.counters, e.getCause());
        return Loads.timed(space, clock, loader);
      }
      if (servedAhead(space, backend, keys, ttl, versionTtl, resilience, read)) {
        refreshAhead.start(refreshing(space, backend, keys, ttl, versionTtl, resilience, read), keys, loader);
        return read.entry.value;
      }
      if (read.state == State.HIT) {
        space.counters.hits.increment();
        remember(local, read, ttl, resilience);
        return read.entry.value;
      }
      Computation computation = new Computation(parts, space, backend, keys, ttl, versionTtl, resilience, read);
      if (read.state == State.REFRESH) {
        return BlockingDriver.run(computation, loader, clock, executor.get());
      }
      Flight mine = new Flight(read.versions);
      Flight running = flights.follow(keys.key, space.type, mine);
      if (running != null && read.state == State.STALE) {
        space.counters.hits.increment();
        return read.entry.value;
      }
      if (read.state == State.MISS) {
        space.counters.misses.increment(); // a follower found no value either: every call is a hit or a miss
      }
      if (running != null) {
        try {
          return await(running, computation, resilience.hardTimeout());
        } catch (Abandoned e) {
          continue;
        }
      }
      try {
        Object value = BlockingDriver.run(computation, loader, clock, executor.get());
        mine.result.complete(value);
        return value;
      } catch (Throwable e) {
        mine.result.completeExceptionally(Abandoned.by(e) ? new Abandoned() : e);
        throw e;
      }
    }
  }

  /** The call on the executor, completing {@code answer}; the loader's stage is awaited, never blocked on. */
  void getAsync(KeySpace space, Backend backend, CallKeys keys, Function<Object, Duration> ttl, Duration versionTtl,
      Resilience resilience, LocalHits.Ticket local, Callable<? extends CompletionStage<?>> loader,
      CompletableFuture<Object> answer) {
    VersionedRead.Result read;
    try {
      read = reader.read(space, backend, keys, true, true);
      guard.success();
      createMissingVersions(backend, keys, versionTtl, read);
    } catch (BackendUnavailable e) {
      try {
        guard.failed(space.counters, e.getCause());
        Loads.relay(Loads.timedAsync(space, clock, loader), answer);
      } catch (RuntimeException propagated) {
        answer.completeExceptionally(propagated);
      }
      return;
    } catch (Throwable e) {
      answer.completeExceptionally(e);
      return;
    }
    Computation computation;
    try {
      if (servedAhead(space, backend, keys, ttl, versionTtl, resilience, read)) {
        refreshAhead.startAsync(refreshing(space, backend, keys, ttl, versionTtl, resilience, read), keys, loader);
        answer.complete(read.entry.value);
        return;
      }
      if (read.state == State.HIT) {
        space.counters.hits.increment();
        remember(local, read, ttl, resilience);
        answer.complete(read.entry.value);
        return;
      }
      computation = new Computation(parts, space, backend, keys, ttl, versionTtl, resilience, read);
    } catch (Throwable e) {
      answer.completeExceptionally(e);
      return;
    }
    if (read.state == State.REFRESH) {
      AsyncDriver.run(computation, loader, clock, executor.get(), answer);
      return;
    }
    Flight mine = new Flight(read.versions);
    Flight running = flights.follow(keys.key, space.type, mine);
    if (running != null && read.state == State.STALE) {
      space.counters.hits.increment();
      answer.complete(read.entry.value);
      return;
    }
    if (read.state == State.MISS) {
      space.counters.misses.increment(); // a follower found no value either: every call is a hit or a miss
    }
    if (running != null) {
      Duration hard = resilience.hardTimeout();
      if (hard != null) {
        // a follower waits no longer than its leader would
        Clock.Cancellable timer = clock.schedule(() -> {
          if (answer.completeExceptionally(computation.timeout(hard))) {
            computation.timedOut(hard, false);
          }
        }, hard);
        answer.whenComplete((value, error) -> timer.cancel());
      }
      running.outcome.whenComplete((value, error) -> {
        if (AsyncDriver.unwrap(error) instanceof Abandoned) {
          executor.get().execute(() -> getAsync(space, backend, keys, ttl, versionTtl, resilience, null, loader,
              answer));
        } else {
          Loads.complete(answer, value, error == null ? null : AsyncDriver.unwrap(error));
        }
      });
      return;
    }
    CompletableFuture<Object> computed = new CompletableFuture<>();
    computed.whenComplete((value, error) -> {
      Loads.complete(mine.result, value, error != null && Abandoned.by(error) ? new Abandoned() : error);
      Loads.complete(answer, value, error);
    });
    AsyncDriver.run(computation, loader, clock, executor.get(), computed);
  }

  /** A hit read after {@code local} was taken is served from memory next time. */
  private static void remember(LocalHits.Ticket local, VersionedRead.Result read, Function<Object, Duration> ttl,
      Resilience resilience) {
    if (local != null) {
      local.remember(read.entry, ttl, resilience.refreshAhead());
    }
  }

  /**
   * Before a computation is shared: the versions it will run under exist, so that callers arriving after
   * its leader created them read the same versions and join it.
   */
  private void createMissingVersions(Backend backend, CallKeys keys, Duration versionTtl, VersionedRead.Result read) {
    if (read.state == State.MISS || read.state == State.STALE) {
      reader.createMissing(backend, keys, read.versions, versionTtl);
    }
  }

  /**
   * Whether the entry read is served at once while it is refreshed ahead in the background: refresh ahead is on
   * and the entry is due (an entry due for early refresh is refreshed the same way then). Counted as a hit.
   */
  private boolean servedAhead(KeySpace space, Backend backend, CallKeys keys, Function<Object, Duration> ttl,
      Duration versionTtl, Resilience resilience, VersionedRead.Result read) {
    if (resilience.refreshAhead() <= 0 || read.state != State.HIT && read.state != State.REFRESH
        || read.state == State.HIT && !RefreshAhead.due(read.entry, ttl, resilience.refreshAhead(),
            clock.currentTimeMillis())) {
      return false;
    }
    space.counters.hits.increment();
    return true;
  }

  private Computation refreshing(KeySpace space, Backend backend, CallKeys keys, Function<Object, Duration> ttl,
      Duration versionTtl, Resilience resilience, VersionedRead.Result read) {
    return new Computation(parts, space, backend, keys, ttl, versionTtl, resilience,
        new VersionedRead.Result(State.REFRESH, read.entry, read.versions));
  }

  /** The leader's outcome, waited for no longer than {@code hard} (if not null). */
  private Object await(Flight running, Computation computation, Duration hard) throws Exception {
    if (hard != null && !BlockingDriver.awaitWithin(running.outcome, clock, Durations.nanos(hard))) {
      computation.timedOut(hard, false);
      throw computation.timeout(hard);
    }
    try {
      return running.outcome.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HermesException("Interrupted while waiting for a value computed by another thread", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      throw (Error) cause;
    }
  }
}
