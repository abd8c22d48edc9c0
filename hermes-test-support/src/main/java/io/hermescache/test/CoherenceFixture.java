package io.hermescache.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Backend;
import io.hermescache.test.PausingBackend.Operation;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The backend under test, a {@link PausingBackend} on it, and how the tests of {@link CoherenceContractTest}
 * call the cache: blocking or asynchronously, on threads they name, waiting with latches and thread states
 * rather than sleeps.
 */
public abstract class CoherenceFixture {

  /** The tag of tests that fail on the engine before issue 14. */
  public static final String KNOWN_DEFECT = "coherence-defect";

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final List<String> TAGS = List.of("t");

  /** A new backend on the server under test; it is closed after each test. */
  protected abstract Backend createBackend();

  /** How a test calls the cache: the blocking {@code cached} on a thread of its own, or {@code cachedAsync}. */
  protected enum Mode { SYNC, ASYNC }

  /** The three ways to invalidate an entry stored under {@code key} with tag {@code "t"}. */
  protected enum Invalidation {
    ENTRY, TAG, NAMESPACE;

    void apply(Hermes hermes, String key) {
      switch (this) {
        case ENTRY -> hermes.invalidate(key);
        case TAG -> hermes.clean("t");
        default -> hermes.clean();
      }
    }
  }

  /** A call under way: the thread making it (a blocking call) and its outcome. */
  protected record Running<T>(Thread thread, CompletableFuture<T> result) {}

  protected Backend backend;
  protected PausingBackend pausing;
  protected String prefix;
  private final List<Thread> executorThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
  private ThreadPoolExecutor executor;
  private ExecutorService loaders;

  @BeforeEach
  void openBackend() {
    backend = createBackend();
    pausing = new PausingBackend(backend);
    prefix = "c" + UUID.randomUUID().toString().substring(0, 8);
    executor = new ThreadPoolExecutor(4, 4, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), task -> {
      Thread thread = new Thread(task, "coherence-executor-" + executorThreads.size());
      thread.setDaemon(true);
      executorThreads.add(thread);
      return thread;
    });
    executor.prestartAllCoreThreads();
    loaders = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "coherence-loader");
      thread.setDaemon(true);
      return thread;
    });
  }

  @AfterEach
  void closeBackend() {
    executor.shutdownNow();
    loaders.shutdownNow();
    backend.close();
  }

  /** A Hermes under this test's prefix on {@code on}, asynchronous calls on the test's own executor. */
  protected Hermes.Builder hermes(Backend on) {
    return Hermes.builder().backend(on).prefix(prefix).lockTimeout(Duration.ofSeconds(30)).executor(executor);
  }

  // --- how the tests call --------------------------------------------------------------------------------

  /** {@code key} with tag "t" and a TTL of a minute, called in {@code mode}; a blocking call gets a thread named {@code name}. */
  protected Running<String> call(Mode mode, Hermes hermes, String key, String name, Callable<String> loader) {
    return call(mode, hermes, key, MINUTE, String.class, name, loader);
  }

  protected <T> Running<T> call(Mode mode, Hermes hermes, String key, Duration ttl, Class<T> type, String name,
      Callable<T> loader) {
    if (mode == Mode.SYNC) {
      return start(name, () -> hermes.cached(key, TAGS, ttl, type, loader));
    }
    return new Running<>(null, cachedAsync(hermes, key, ttl, type, loader));
  }

  /** A call whose loader has started and waits until {@link #release()}. */
  protected record HeldCall(Running<String> call, CountDownLatch gate) {
    void release() {
      gate.countDown();
    }
  }

  /** {@link #call} whose loader waits until released, then returns {@code value}; returns once the loader runs. */
  protected HeldCall callHeldInItsComputation(Mode mode, Hermes hermes, String key, String name, String value)
      throws InterruptedException {
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    Running<String> running = call(mode, hermes, key, name, () -> {
      computing.countDown();
      gate.await();
      return value;
    });
    await(computing);
    return new HeldCall(running, gate);
  }

  /** The value of one call in {@code mode}, made on the current thread. */
  protected <T> T invoke(Mode mode, Hermes hermes, String key, Duration ttl, Class<T> type, Callable<T> loader)
      throws Exception {
    if (mode == Mode.SYNC) {
      return hermes.cached(key, TAGS, ttl, type, loader);
    }
    return value(new Running<>(null, cachedAsync(hermes, key, ttl, type, loader)));
  }

  private <T> CompletableFuture<T> cachedAsync(Hermes hermes, String key, Duration ttl, Class<T> type, Callable<T> loader) {
    return hermes.<T>cachedAsync(key, TAGS, ttl, type, () -> CompletableFuture.supplyAsync(() -> {
      try {
        return loader.call();
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    }, loaders)).toCompletableFuture();
  }

  /** {@code body} on a new thread named {@code name}, started now. */
  protected static <T> Running<T> start(String name, Callable<T> body) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        result.complete(body.call());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return new Running<>(thread, result);
  }

  /** The outcome of a call, within 30 s; its failure is thrown as it is. */
  protected static <T> T value(Running<T> running) throws Exception {
    try {
      return running.result().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof CompletionException && e.getCause().getCause() != null
          ? e.getCause().getCause() : e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      throw (Error) cause;
    } catch (TimeoutException e) {
      throw new AssertionError("the call did not finish within 30 s"
          + (running.thread() != null ? "; " + running.thread().getName() + " is " + running.thread().getState() : ""), e);
    }
  }

  /**
   * Waits until a call can make no progress before something else happens: it has finished, or it has
   * read the backend and its thread (its executor's threads, asynchronously) is parked outside any
   * backend call, e.g. waiting for a lock or for a computation it joined.
   */
  protected void awaitAtRest(Mode mode, Running<?> running, long executorReadsBefore) {
    if (mode == Mode.SYNC) {
      awaitUntil(() -> running.result().isDone() || pausing.completedCalls(running.thread()) > 0);
      pausing.awaitParked(running.thread());
    } else {
      awaitUntil(() -> running.result().isDone() || executorReads() > executorReadsBefore);
      pausing.awaitParked(executorThreads);
    }
  }

  protected boolean callerThread(Mode mode, Thread thread, String name) {
    return mode == Mode.SYNC ? thread.getName().equals(name) : executorThreads.contains(thread);
  }

  protected long executorReads() {
    return pausing.completedCalls().stream()
        .filter(c -> c.operation() == Operation.GET_ALL && executorThreads.contains(c.thread())).count();
  }

  protected static void await(CountDownLatch latch) throws InterruptedException {
    assertThat(latch.await(30, TimeUnit.SECONDS)).as("reached within 30 s").isTrue();
  }

  protected static void awaitUntil(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within 30 s");
      }
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
    }
  }
}
