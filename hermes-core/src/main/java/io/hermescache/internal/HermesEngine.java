package io.hermescache.internal;

import io.hermescache.BackendFailure;
import io.hermescache.CacheStats;
import io.hermescache.Hermes;
import io.hermescache.HermesConfigurationException;
import io.hermescache.HermesException;
import io.hermescache.HermesLoadException;
import io.hermescache.HermesStats;
import io.hermescache.spi.Backend;
import io.hermescache.spi.BackendProvider;
import io.hermescache.spi.Compressor;
import io.hermescache.spi.KeyLimits;
import io.hermescache.spi.Payload;
import io.hermescache.spi.Serialiser;
import io.hermescache.spi.Settings;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The implementation of {@link Hermes}, shared by the programmatic API and the CDI and Quarkus
 * interceptors. Not meant to be used directly by applications.
 *
 * <p>A cached call reads {@code [entry, namespace version, tag versions...]} in one round trip. The entry
 * is a hit only if the versions it was computed under are all current. On a miss, missing tag versions
 * are created, concurrent callers in this JVM join one computation, and its leader takes the key's lock
 * in the backend so that other JVMs wait for the value instead of computing it too. The value is stored
 * with the versions read before the computation, and only while the lock is still held: an invalidation
 * that happens meanwhile (a new tag version, or a deleted entry and lock) therefore wins.
 */
public final class HermesEngine implements Hermes {

  private static final System.Logger LOG = System.getLogger(Hermes.class.getName());
  private static final String CIRCUIT_OPEN = "The cache backend is failing; calls skip it for a while";
  private static final long FIRST_BACKOFF_MILLIS = 5;
  private static final long MAX_BACKOFF_MILLIS = 200;

  private final String entryPrefix;
  private final String tagPrefix;
  private final String lockPrefix;
  private final String namespaceKey;
  private final boolean enabled;
  private final Serialiser serialiser;
  private final Compressor compressor;
  private final int compressionThreshold;
  private final Duration defaultTtl;
  private final Duration lockTimeout;
  private final Duration lockLease;
  private final boolean cacheNulls;
  private final BackendFailure backendFailure;

  private final Executor configuredExecutor;
  private volatile ExecutorService ownExecutor;
  private volatile Backend backend;
  private final CircuitBreaker circuit = new CircuitBreaker();
  private final RateLimitedLog errorLog = new RateLimitedLog(LOG, Duration.ofSeconds(30));
  private final Map<String, Counters> counters = new ConcurrentHashMap<>();
  private final Map<ProgrammaticSpace, KeySpace> programmaticSpaces = new ConcurrentHashMap<>();
  private final Map<String, Flight> flights = new ConcurrentHashMap<>();
  private final ThreadLocal<Invalidation> invalidation = new ThreadLocal<>();

  public HermesEngine(Options options) {
    entryPrefix = options.prefix + ":entry:";
    tagPrefix = options.prefix + ":tag:";
    lockPrefix = options.prefix + ":lock:";
    namespaceKey = options.prefix + ":namespace";
    enabled = !options.disabled;
    serialiser = options.serialiser != null ? options.serialiser : new JsonbSerialiser();
    compressor = options.compressor;
    compressionThreshold = options.compressionThreshold;
    defaultTtl = options.ttl;
    lockTimeout = options.lockTimeout;
    lockLease = options.lockLease;
    cacheNulls = options.cacheNulls;
    backendFailure = options.backendFailure;
    configuredExecutor = options.executor;
    backend = enabled ? (options.backend != null ? options.backend : Options.provider("inprocess").create(options.settings)) : null;
  }

  /** The key space of a cached method or key group: its counters and value decoder. */
  public KeySpace keySpace(String name, Type type) {
    Counters spaceCounters = counters.computeIfAbsent(name, n -> new Counters());
    Type valueType = Types.boxed(type);
    return new KeySpace(name, valueType, spaceCounters,
        bytes -> Envelope.decode(bytes, valueType, serialiser, compressor));
  }

  /** The configured TTL. */
  public Duration defaultTtl() {
    return defaultTtl;
  }

  /**
   * The cached value of {@code key} in {@code space}, or {@code loader}'s, stored under {@code tags} for
   * {@code ttl.apply(value)} (zero: not stored). Exceptions of the loader are thrown as they are. Inside
   * {@link #invalidate(Runnable)} the entry is deleted instead and {@code null} returned.
   *
   * @param key the entry key without {@code {prefix}:entry:}
   */
  public Object get(KeySpace space, String key, List<String> tags, Function<Object, Duration> ttl,
      Callable<?> loader) throws Exception {
    if (invalidatedInstead(key)) {
      return null;
    }
    Backend current = backend;
    if (current == null) {
      return loader.call();
    }
    if (!circuit.allows()) {
      if (backendFailure == BackendFailure.PROPAGATE) {
        throw new HermesException(CIRCUIT_OPEN);
      }
      space.counters.misses.increment();
      return load(space, loader);
    }
    return new Call(space, current, key, tags, ttl, loader).run();
  }

  /**
   * {@link #get} for methods returning a {@code CompletionStage}: the completed value is cached, never the
   * stage. Backend I/O and waits run on the executor, never on the caller's thread; concurrent callers
   * of a cold key share one computation, and each gets its own stage, so cancelling one cancels nothing
   * shared. A failed stage is not cached and fails every caller that shared it.
   */
  public CompletableFuture<Object> getAsync(KeySpace space, String key, List<String> tags,
      Function<Object, Duration> ttl, Callable<? extends CompletionStage<?>> loader) {
    if (invalidatedInstead(key)) {
      return CompletableFuture.completedFuture(null);
    }
    Backend current = backend;
    if (current == null || !circuit.allows()) {
      if (current != null && backendFailure == BackendFailure.PROPAGATE) {
        return CompletableFuture.failedFuture(new HermesException(CIRCUIT_OPEN));
      }
      try {
        return Objects.requireNonNull(loader.call(), () -> space.name + " returned a null CompletionStage")
            .toCompletableFuture().thenApply(value -> (Object) value);
      } catch (Exception e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    return new Call(space, current, key, tags, ttl, loader).runAsync();
  }

  /** Inside {@link #invalidate(Runnable)}: drops the entry the intercepted call would read instead of reading it. */
  private boolean invalidatedInstead(String key) {
    Invalidation pending = invalidation.get();
    if (pending == null) {
      return false;
    }
    pending.reached = true;
    invalidate(key);
    return true;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T cached(String key, Collection<String> tags, Duration ttl, Type type, Callable<? extends T> loader) {
    Objects.requireNonNull(loader, "loader");
    try {
      return (T) get(programmaticSpace(key, type), key, checkedTags(tags), constant(ttl), loader);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new HermesLoadException(e);
    }
  }

  /** Programmatic calls are counted per key group: the key up to its first colon. */
  private KeySpace programmaticSpace(String key, Type type) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    int colon = key.indexOf(':');
    String group = colon > 0 ? key.substring(0, colon) : key;
    return programmaticSpaces.computeIfAbsent(new ProgrammaticSpace(group, type), s -> keySpace(s.group, s.type));
  }

  private static List<String> checkedTags(Collection<String> tags) {
    List<String> copy = List.copyOf(tags);
    copy.forEach(HermesEngine::checkTag);
    return copy;
  }

  private static Function<Object, Duration> constant(Duration ttl) {
    Duration valid = Options.positive("ttl", ttl);
    return value -> valid;
  }

  @Override
  public <T> T cached(String key, Type type, Callable<? extends T> loader) {
    return cached(key, List.of(), defaultTtl, type, loader);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> CompletionStage<T> cachedAsync(String key, Collection<String> tags, Duration ttl, Type type,
      Supplier<? extends CompletionStage<? extends T>> loader) {
    Objects.requireNonNull(loader, "loader");
    return (CompletionStage<T>) getAsync(programmaticSpace(key, type), key, checkedTags(tags), constant(ttl), loader::get);
  }

  @Override
  public <T> CompletionStage<T> cachedAsync(String key, Type type, Supplier<? extends CompletionStage<? extends T>> loader) {
    return cachedAsync(key, List.of(), defaultTtl, type, loader);
  }

  @Override
  public CompletionStage<Void> invalidateAsync(String key) {
    return CompletableFuture.runAsync(() -> invalidate(key), executor());
  }

  @Override
  public CompletionStage<Void> cleanAsync(String... tags) {
    return CompletableFuture.runAsync(() -> clean(tags), executor());
  }

  @Override
  public CompletionStage<Void> cleanAsync() {
    return CompletableFuture.runAsync(this::clean, executor());
  }

  @Override
  public void invalidate(String key) {
    Backend current = backend;
    flights.remove(key);
    if (current != null) {
      KeyLimits limits = current.keyLimits();
      // The lock before the entry: a backend that cannot check a lock and write atomically (memcached) relies
      // on this order so that a value being computed loses to the invalidation (see its setIfLocked).
      mustWrite(() -> current.delete(Keys.fit(lockPrefix + key, limits), Keys.fit(entryPrefix + key, limits)));
    }
  }

  @Override
  public void invalidate(Runnable call) {
    Invalidation outer = invalidation.get();
    Invalidation mine = new Invalidation();
    invalidation.set(mine);
    try {
      call.run();
    } finally {
      if (outer == null) {
        invalidation.remove();
      } else {
        invalidation.set(outer);
      }
    }
    if (!mine.reached) {
      throw new IllegalArgumentException("The call passed to invalidate reached no @HermesCached method"
          + " (was it called on the bean itself rather than on its injected proxy?)");
    }
  }

  /** Whether the current thread is inside {@link #invalidate(Runnable)}. */
  public boolean invalidating() {
    return invalidation.get() != null;
  }

  @Override
  public void clean(String... tags) {
    Backend current = backend;
    for (String tag : tags) {
      checkTag(tag);
      if (current != null) {
        String tagKey = Keys.fit(tagPrefix + tag, current.keyLimits());
        mustWrite(() -> current.set(tagKey, Payload.of(Keys.token()), Duration.ZERO));
      }
    }
  }

  @Override
  public void clean() {
    Backend current = backend;
    if (current != null) {
      mustWrite(() -> current.set(Keys.fit(namespaceKey, current.keyLimits()), Payload.of(Keys.token()), Duration.ZERO));
    }
  }

  @Override
  public Backend backend() {
    return backend;
  }

  @Override
  public Backend backend(Backend newBackend) {
    Objects.requireNonNull(newBackend, "newBackend");
    if (!enabled) {
      throw new IllegalStateException("Caching is off (hermes.backend = none); a backend cannot be set");
    }
    Backend previous = backend;
    backend = newBackend;
    flights.clear();
    circuit.success();
    return previous;
  }

  @Override
  public HermesStats stats() {
    Map<String, CacheStats> byName = new TreeMap<>();
    counters.forEach((name, live) -> byName.put(name, live.snapshot()));
    CacheStats total = byName.values().stream().reduce(CacheStats.EMPTY, CacheStats::plus);
    return new HermesStats(total, Map.copyOf(byName));
  }

  @Override
  public void close() {
    Backend current = backend;
    if (current != null) {
      current.close();
    }
    ExecutorService own = ownExecutor;
    if (own != null) {
      own.shutdown();
    }
  }

  /** The configured executor, or Hermes' own daemon threads, created on first need (creation has no side effects). */
  private Executor executor() {
    if (configuredExecutor != null) {
      return configuredExecutor;
    }
    ExecutorService own = ownExecutor;
    if (own == null) {
      synchronized (this) {
        own = ownExecutor;
        if (own == null) {
          java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
          own = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "hermes-async-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
          ownExecutor = own;
        }
      }
    }
    return own;
  }

  private static void checkTag(String tag) {
    if (tag == null || tag.isEmpty()) {
      throw new IllegalArgumentException("A tag must not be null or empty");
    }
  }

  /** A write that invalidates: never dropped silently, since dropping it would serve stale values later. */
  private void mustWrite(Runnable write) {
    try {
      write.run();
    } catch (RuntimeException e) {
      throw new HermesException("The cache backend failed to invalidate: " + e, e);
    }
  }

  private static Object load(KeySpace space, Callable<?> loader) throws Exception {
    long start = System.nanoTime();
    boolean loaded = false;
    try {
      Object value = loader.call();
      loaded = true;
      return value;
    } finally {
      space.counters.recordLoad(System.nanoTime() - start, loaded);
    }
  }

  /**
   * One cached call: its keys, the versions it read, and the steps of a read, a wait and a computation,
   * blocking ({@link #run()}) or on the executor ({@link #runAsync()}).
   */
  private final class Call {

    private final KeySpace space;
    private final Backend backend;
    private final String key;
    private final String entryKey;
    private final List<String> readKeys;
    private final Function<Object, Duration> ttl;
    private final Callable<?> loader;
    private String lockKey;
    private byte[][] versions;
    private byte[][] latestVersions;
    private Envelope stale;
    private int loadMillis;

    Call(KeySpace space, Backend backend, String key, List<String> tags, Function<Object, Duration> ttl,
        Callable<?> loader) {
      this.space = space;
      this.backend = backend;
      this.key = key;
      this.ttl = ttl;
      this.loader = loader;
      KeyLimits limits = backend.keyLimits();
      entryKey = Keys.fit(entryPrefix + key, limits);
      List<String> keys = new ArrayList<>(2 + tags.size());
      keys.add(entryKey);
      keys.add(Keys.fit(namespaceKey, limits));
      for (String tag : tags) {
        keys.add(Keys.fit(tagPrefix + tag, limits));
      }
      readKeys = keys;
    }

    // --- blocking ------------------------------------------------------------------------------------

    Object run() throws Exception {
      try {
        Envelope hit = lookup();
        if (hit != null) {
          return hit.value;
        }
        Flight mine = new Flight(versions);
        Flight running = follow(mine);
        if (running != null) {
          return stale != null ? serveStale() : running.await(key);
        }
        try {
          Object value = computeUnderLock();
          mine.result.complete(value);
          return value;
        } catch (Throwable e) {
          mine.result.completeExceptionally(e);
          throw e;
        }
      } catch (BackendUnavailable e) {
        onBackendFailure(e.getCause());
        return load(space, loader);
      }
    }

    /** Takes the backend lock and computes; or waits for the peer that holds it, then computes anyway. */
    private Object computeUnderLock() throws Exception {
      String token = Keys.token();
      if (tryLock(token)) {
        return computeUnlessStored(token);
      }
      space.counters.lockWaits.increment();
      if (stale != null) {
        return serveStale();
      }
      long deadline = System.nanoTime() + lockTimeout.toNanos();
      for (long backoff = FIRST_BACKOFF_MILLIS; System.nanoTime() < deadline; backoff = nextBackoff(backoff)) {
        sleep(Math.max(1, Math.min(backoff, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
        if (tryLock(token)) {
          return computeUnlessStored(token);
        }
        Envelope peer = storedByPeer();
        if (peer != null) {
          return peer.value;
        }
      }
      LOG.log(System.Logger.Level.DEBUG, "Waited " + lockTimeout + " for " + entryKey + "; computing it here");
      Object value = timedLoad();
      if (tryLockQuietly(token)) {
        store(token, value);
      }
      return value;
    }

    /** With the lock held: the value a peer stored just before, else a new computation. */
    private Object computeUnlessStored(String token) throws Exception {
      Envelope peer = storedBeforeLocking(token);
      return peer != null ? peer.value : computeAndStore(token);
    }

    private Object computeAndStore(String token) throws Exception {
      Object value;
      try {
        value = timedLoad();
      } catch (Exception | Error e) {
        unlock(token);
        throw e;
      }
      store(token, value);
      return value;
    }

    private Object timedLoad() throws Exception {
      long start = System.nanoTime();
      Object value = load(space, loader);
      loadMillis = millisSince(start);
      return value;
    }

    // --- on the executor -----------------------------------------------------------------------------

    /** The same steps as {@link #run()}, none of them on the caller's thread, none of them blocking one. */
    CompletableFuture<Object> runAsync() {
      CompletableFuture<Object> answer = new CompletableFuture<>();
      executor().execute(() -> {
        try {
          Envelope hit = lookup();
          if (hit != null) {
            answer.complete(hit.value);
            return;
          }
          Flight mine = new Flight(versions);
          Flight running = follow(mine);
          if (running != null) {
            relay(stale != null ? CompletableFuture.completedFuture(serveStale()) : running.outcome, answer);
            return;
          }
          relay(mine.outcome, answer);
          acquireAsync(mine, Keys.token(), System.nanoTime() + lockTimeout.toNanos(), 0);
        } catch (BackendUnavailable e) {
          bypassAsync(e, answer);
        } catch (Throwable e) {
          answer.completeExceptionally(e);
        }
      });
      return answer;
    }

    /** Takes the lock and computes, or polls for a peer's value on a timer, then computes anyway. */
    private void acquireAsync(Flight mine, String token, long deadline, long backoff) {
      try {
        boolean waited = backoff > 0;
        if (tryLock(token)) {
          Envelope peer = storedBeforeLocking(token);
          if (peer != null) {
            mine.result.complete(peer.value);
          } else {
            computeAsync(mine, token, true);
          }
          return;
        }
        if (!waited) {
          space.counters.lockWaits.increment();
          if (stale != null) {
            mine.result.complete(serveStale());
            return;
          }
        } else {
          Envelope peer = storedByPeer();
          if (peer != null) {
            mine.result.complete(peer.value);
            return;
          }
        }
        if (System.nanoTime() >= deadline) {
          computeAsync(mine, token, false);
        } else {
          long next = waited ? nextBackoff(backoff) : FIRST_BACKOFF_MILLIS;
          CompletableFuture.delayedExecutor(next, TimeUnit.MILLISECONDS, executor())
              .execute(() -> acquireAsync(mine, token, deadline, next));
        }
      } catch (BackendUnavailable e) {
        bypassAsync(e, mine.result);
      } catch (Throwable e) {
        mine.result.completeExceptionally(e);
      }
    }

    /** Runs the loader; with the lock held stores its value, else stores it only if the lock is free by then. */
    private void computeAsync(Flight mine, String token, boolean locked) {
      loadAsync().whenCompleteAsync((value, error) -> {
        if (error != null) {
          if (locked) {
            unlock(token);
          }
          mine.result.completeExceptionally(unwrap(error));
          return;
        }
        try {
          if (locked || tryLockQuietly(token)) {
            store(token, value);
          }
          mine.result.complete(value);
        } catch (Throwable e) {
          mine.result.completeExceptionally(e);
        }
      }, executor());
    }

    private void bypassAsync(BackendUnavailable failure, CompletableFuture<Object> target) {
      try {
        onBackendFailure(failure.getCause());
        relay(loadAsync(), target);
      } catch (HermesException propagated) {
        target.completeExceptionally(propagated);
      }
    }

    /** The loader's stage, counted; a loader that throws or returns no stage gives a failed one. */
    @SuppressWarnings("unchecked")
    private CompletableFuture<Object> loadAsync() {
      long start = System.nanoTime();
      CompletableFuture<Object> loaded;
      try {
        CompletionStage<Object> stage = (CompletionStage<Object>) loader.call();
        loaded = Objects.requireNonNull(stage, () -> space.name + " returned a null CompletionStage").toCompletableFuture();
      } catch (Throwable e) {
        loaded = CompletableFuture.failedFuture(e);
      }
      return loaded.whenComplete((value, error) -> {
        space.counters.recordLoad(System.nanoTime() - start, error == null);
        loadMillis = millisSince(start);
      });
    }

    // --- steps shared by both ------------------------------------------------------------------------

    /**
     * Reads the entry with the versions in one round trip: the envelope if it is to be served now; else
     * {@code null}, with the versions to compute under (missing ones created) and any stale value kept.
     */
    private Envelope lookup() {
      List<Payload> read = io(() -> backend.getAll(readKeys));
      circuit.success();
      Envelope found = decode(read.get(0), true);
      versions = Envelope.versionsOf(read);
      if (found != null && found.matches(versions)) {
        long now = System.currentTimeMillis();
        if (!found.expired(now) && !found.dueForEarlyRefresh(now)) {
          space.counters.hits.increment();
          return found;
        }
        stale = found;
      }
      space.counters.misses.increment();
      createMissingVersions();
      return null;
    }

    /**
     * A computation of this key under the same versions to follow, or {@code null}: this call leads
     * {@code mine}, which leaves the map as soon as its result is known, before anyone sees its outcome, so
     * that a later call never joins a finished computation (a failure is never served twice).
     */
    private Flight follow(Flight mine) {
      while (true) {
        Flight running = flights.putIfAbsent(key, mine);
        if (running == null || !running.computesUnder(versions) && flights.replace(key, running, mine)) {
          mine.result.whenComplete((value, error) -> {
            flights.remove(key, mine);
            relay(mine.result, mine.outcome);
          });
          return null;
        }
        if (running.computesUnder(versions)) {
          return running;
        }
      }
    }

    /** A fresh value a peer stored while this call waited; remembers the versions read with it. */
    private Envelope storedByPeer() {
      List<Payload> read = io(() -> backend.getAll(readKeys));
      Envelope found = decode(read.get(0), false);
      latestVersions = Envelope.versionsOf(read);
      return found != null && found.matches(latestVersions) && !found.expired(System.currentTimeMillis()) ? found : null;
    }

    /**
     * Just after taking the lock: a value that the previous holder stored between this call's read and its
     * lock is served (the lock freed again) rather than computed a second time; otherwise the value is to be
     * computed under the versions current now.
     */
    private Envelope storedBeforeLocking(String token) {
      Envelope peer = storedByPeer();
      if (peer != null) {
        unlock(token);
        return peer;
      }
      versions = latestVersions;
      createMissingVersions();
      return null;
    }

    private Object serveStale() {
      space.counters.hits.increment();
      return stale.value;
    }

    private void onBackendFailure(Throwable cause) {
      space.counters.errors.increment();
      boolean opened = circuit.failure();
      errorLog.warn(cause, "Cache backend failed" + (opened ? "; bypassing it for a while" : "") + ": " + cause);
      if (backendFailure == BackendFailure.PROPAGATE) {
        throw new HermesException("The cache backend failed: " + cause, cause);
      }
    }

    /** The envelope in {@code payload}, or {@code null}; an unreadable value is reported on the first read of a call only. */
    private Envelope decode(Payload payload, boolean firstRead) {
      if (payload == null) {
        return null;
      }
      try {
        return payload.decode(space.decoder);
      } catch (Envelope.UnreadableValue e) {
        // a miss, overwritten next; but a type that can never be read back makes every call a miss, so
        // this is counted and shown rather than hidden
        if (firstRead) {
          space.counters.errors.increment();
          errorLog.warn(e, "Entry " + entryKey + " is treated as a miss: " + e.getMessage());
        }
        return null;
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.DEBUG, "Unreadable entry " + entryKey + " is treated as a miss: " + e);
        return null;
      }
    }

    private void createMissingVersions() {
      for (int i = 0; i < versions.length; i++) {
        if (versions[i] == null) {
          String versionKey = readKeys.get(i + 1);
          Payload created = Payload.of(Keys.token());
          if (io(() -> backend.add(versionKey, created, Duration.ZERO))) {
            versions[i] = created.bytes();
          } else {
            Payload winner = io(() -> backend.getAll(List.of(versionKey))).get(0);
            versions[i] = (winner != null ? winner : created).bytes();
          }
        }
      }
    }

    private String lockKey() {
      if (lockKey == null) {
        lockKey = Keys.fit(lockPrefix + key, backend.keyLimits());
      }
      return lockKey;
    }

    private boolean tryLock(String token) {
      return io(() -> backend.tryLock(lockKey(), token, lockLease));
    }

    /** After a value was computed without the lock: store it only if no one else is computing now. */
    private boolean tryLockQuietly(String token) {
      try {
        return backend.tryLock(lockKey(), token, lockLease);
      } catch (RuntimeException e) {
        return false;
      }
    }

    /** Stores {@code value} while the lock is held, then frees the lock; failures cost the cache, not the caller. */
    private void store(String token, Object value) {
      try {
        Duration valueTtl = value == null && !cacheNulls ? Duration.ZERO : ttl.apply(value);
        if (valueTtl == null || valueTtl.isZero() || valueTtl.isNegative()) {
          return;
        }
        long now = System.currentTimeMillis();
        byte[] bytes = Envelope.encode(versions, now + valueTtl.toMillis(), loadMillis, value, space.type,
            serialiser, compressor, compressionThreshold);
        Duration grace = valueTtl.compareTo(lockLease) < 0 ? valueTtl : lockLease;
        backend.setIfLocked(lockKey(), token, entryKey, Payload.of(bytes), valueTtl.plus(grace));
      } catch (RuntimeException e) {
        space.counters.errors.increment();
        errorLog.warn(e, "Could not store " + space.name + " in the cache: " + e);
        if (backendFailure == BackendFailure.PROPAGATE) {
          throw new HermesException("Could not store " + space.name + " in the cache: " + e, e);
        }
      } finally {
        unlock(token);
      }
    }

    private void unlock(String token) {
      try {
        backend.unlock(lockKey(), token);
      } catch (RuntimeException e) {
        errorLog.warn(e, "Could not free lock " + lockKey() + " (it expires after its lease): " + e);
      }
    }
  }

  private static long nextBackoff(long backoff) {
    return Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
  }

  private static int millisSince(long startNanos) {
    return (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
  }

  private static void relay(CompletableFuture<Object> source, CompletableFuture<Object> target) {
    source.whenComplete((value, error) -> {
      if (error != null) {
        target.completeExceptionally(unwrap(error));
      } else {
        target.complete(value);
      }
    });
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HermesException("Interrupted while waiting for a value computed elsewhere", e);
    }
  }

  /** Runs a backend operation; its failure becomes {@link BackendUnavailable}. */
  private static <T> T io(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (RuntimeException e) {
      throw new BackendUnavailable(e);
    }
  }

  /** A backend operation failed; the call bypasses the cache or propagates. */
  private static final class BackendUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BackendUnavailable(RuntimeException cause) {
      super(cause);
    }
  }

  /**
   * One computation in this JVM, joined by concurrent callers of the same key under the same versions. The
   * leader completes {@link #result}; the others see {@link #outcome}, completed once the flight has left
   * the map.
   */
  private static final class Flight {
    final byte[][] versions;
    final CompletableFuture<Object> result = new CompletableFuture<>();
    final CompletableFuture<Object> outcome = new CompletableFuture<>();

    Flight(byte[][] versions) {
      this.versions = versions.clone();
    }

    boolean computesUnder(byte[][] current) {
      return Arrays.deepEquals(versions, current);
    }

    Object await(String key) throws Exception {
      try {
        return outcome.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HermesException("Interrupted while waiting for " + key + " computed by another thread", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Exception) {
          throw (Exception) cause;
        }
        throw (Error) cause;
      }
    }
  }

  private static final class Invalidation {
    boolean reached;
  }

  /** The options of a {@link Hermes.Builder}, with the defaults of the configuration table. */
  public static final class Options {

    public Backend backend;
    public boolean disabled;
    public Settings settings = Settings.of(Map.of());
    public Duration ttl = Duration.ofHours(1);
    public String prefix = "cache";
    public Serialiser serialiser;
    public Compressor compressor = new DeflateCompressor();
    public int compressionThreshold = 100;
    public Duration lockTimeout = Duration.ofSeconds(10);
    public Duration lockLease = Duration.ofSeconds(30);
    public boolean cacheNulls = true;
    public BackendFailure backendFailure = BackendFailure.BYPASS;
    public Executor executor;

    /** Applies the {@code hermes.*} keys of {@code source}, each checked, naming key and value when bad. */
    public void configure(Settings source) {
      settings = source;
      ttl = positiveDuration(source, "hermes.ttl", ttl);
      prefix = prefix("hermes.prefix", source.get("hermes.prefix", prefix));
      serialiser = source.get("hermes.serialiser").map(String::trim).map(name -> switch (name) {
        case "jsonb" -> new JsonbSerialiser();
        case "java" -> new JavaSerialiser(source.get(JavaSerialiser.ALLOW_KEY).orElse(null));
        default -> instantiate("hermes.serialiser", name, Serialiser.class);
      }).orElse(serialiser);
      compressor = source.get("hermes.compression").map(String::trim).map(name -> switch (name) {
        case "deflate" -> new DeflateCompressor();
        case "none" -> null;
        default -> instantiate("hermes.compression", name, Compressor.class);
      }).orElse(compressor);
      compressionThreshold = source.getInt("hermes.compression.threshold", compressionThreshold);
      if (compressionThreshold < 0) {
        throw HermesConfigurationException.badValue("hermes.compression.threshold", String.valueOf(compressionThreshold),
            "must not be negative");
      }
      lockTimeout = positiveDuration(source, "hermes.lock.timeout", lockTimeout);
      lockLease = positiveDuration(source, "hermes.lock.lease", lockLease);
      cacheNulls = source.getBoolean("hermes.cache-nulls", cacheNulls);
      backendFailure = source.get("hermes.backend-failure").map(value -> {
        try {
          return BackendFailure.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw HermesConfigurationException.badValue("hermes.backend-failure", value, "must be bypass or propagate");
        }
      }).orElse(backendFailure);
      String backendName = source.get("hermes.backend", "inprocess").trim();
      disabled = "none".equals(backendName);
      backend = disabled ? null : provider(backendName).create(source);
    }

    /** The provider of backend {@code name} on the class path. */
    static BackendProvider provider(String name) {
      List<BackendProvider> providers = ServiceLoader.load(BackendProvider.class, HermesEngine.class.getClassLoader())
          .stream().map(ServiceLoader.Provider::get).collect(Collectors.toList());
      return providers.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() ->
          HermesConfigurationException.badValue("hermes.backend", name, "no such backend on the class path (found: "
              + providers.stream().map(BackendProvider::name).sorted().collect(Collectors.joining(", "))
              + ", none); add its module, e.g. io.hermescache:hermes-backend-" + name));
    }

    private static Duration positiveDuration(Settings source, String key, Duration fallback) {
      Duration value = source.getDuration(key, fallback);
      if (value.isZero()) {
        throw HermesConfigurationException.badValue(key, source.get(key).orElse("0"), "must be positive");
      }
      return value;
    }

    public static Duration positive(String what, Duration value) {
      Objects.requireNonNull(value, what);
      if (value.isZero() || value.isNegative()) {
        throw HermesConfigurationException.badValue(what, value.toString(), "must be positive");
      }
      return value;
    }

    public static String prefix(String what, String value) {
      return KeyRules.prefix(what, value);
    }

    private static <T> T instantiate(String key, String className, Class<T> type) {
      try {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> found = Class.forName(className, true, loader != null ? loader : HermesEngine.class.getClassLoader());
        if (!type.isAssignableFrom(found)) {
          throw HermesConfigurationException.badValue(key, className, "does not implement " + type.getName());
        }
        return type.cast(found.getConstructor().newInstance());
      } catch (ReflectiveOperationException | LinkageError e) {
        throw HermesConfigurationException.badValue(key, className, "cannot be created with a public no-argument"
            + " constructor (" + e + ")");
      }
    }
  }

  private record ProgrammaticSpace(String group, Type type) {}
}
