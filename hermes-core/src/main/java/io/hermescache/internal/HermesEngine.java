package io.hermescache.internal;

import io.hermescache.CacheOptions;
import io.hermescache.Hermes;
import io.hermescache.HermesStats;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Clock;
import io.hermescache.spi.KeyLimits;
import io.hermescache.spi.Payload;
import io.hermescache.spi.Serialiser;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The implementation of {@link Hermes}, shared by the programmatic API and the CDI and Quarkus interceptors
 * (which call {@link #keySpace}, {@link #defaultTtl}, {@link #get}, {@link #getAsync} and
 * {@link #invalidating}). Not meant to be used directly by applications.
 *
 * <p>A call reads {@code [entry, namespace version, tag versions..., entry version]} in one round trip
 * ({@link VersionedRead}); the entry is served only if every version it stores is current. On a miss,
 * callers of this JVM with the same versions share one computation ({@link Flights}), whose leader runs the
 * lock-and-wait protocol ({@link Computation}) and stores the value under the versions read before it
 * started ({@link EntryWriter}). Every invalidation changes a version that later reads see, so it wins.
 */
public final class HermesEngine implements Hermes {

  /** The count of versions an envelope holds, less the namespace and the entry version. */
  static final int MAX_TAGS = Envelope.MAX_VERSIONS - 2;
  static final String PROGRAMMATIC = "programmatic";

  private final EngineSettings settings;
  private final Clock clock;
  private final KeyLayout layout;
  private final Serialiser serialiser;
  private final BackendGuard guard;
  private final VersionedRead reader;
  private final ReadThrough readThrough;
  private final Flights flights = new Flights();
  private final EngineStats stats = new EngineStats();
  private final EngineExecutor executor;
  private final InvalidationMode invalidationMode = new InvalidationMode();
  private final ProgrammaticCalls programmatic = new ProgrammaticCalls(this);
  private final Duration entryVersionTtl;
  private volatile Backend backend;
  private volatile LocalHits localHits;

  public HermesEngine(EngineSettings settings) {
    this.settings = settings;
    clock = settings.clock;
    layout = KeyLayout.of(settings.prefix);
    // hermes.verify-round-trip: every stored value is read back once and compared (meant for tests)
    serialiser = settings.verifyRoundTrip ? new RoundTripCheck(settings.serialiserOrDefault())
        : settings.serialiserOrDefault();
    guard = new BackendGuard(settings.backendFailure, clock);
    reader = new VersionedRead(clock, guard, settings.logKeys);
    executor = new EngineExecutor(settings.executor);
    LeaseWatchdog watchdog = new LeaseWatchdog(clock, settings.lockLease, executor::get);
    readThrough = new ReadThrough(new Computation.Parts(clock, guard, reader,
        new EntryWriter(settings, serialiser, guard, reader), watchdog, settings.lockTimeout), flights, executor);
    entryVersionTtl = versionTtl(settings.ttl);
    backend = settings.near.around(settings.backend, settings.prefix, clock, task -> executor.get().execute(task));
    localHits = LocalHits.in(backend, settings.prefix, layout, clock, settings.near.maxEntries());
  }

  /** The key space of a cached method (or named group): its counters and value decoder; configured resilience. */
  public KeySpace keySpace(String name, Type type) {
    return keySpace(name, type, ResilienceOverrides.NONE);
  }

  /** {@link #keySpace(String, Type)} of a method whose annotation or configuration chose {@code resilience}. */
  public KeySpace keySpace(String name, Type type, ResilienceOverrides resilience) {
    Type valueType = Types.boxed(type);
    return new KeySpace(name, valueType, stats.counters(name),
        bytes -> Envelope.decode(bytes, valueType, serialiser, settings.compressor), settings.resilience.with(resilience));
  }

  /** The resilience of calls that chose {@code overrides}. */
  Resilience resilience(ResilienceOverrides overrides) {
    return settings.resilience.with(overrides);
  }

  /** The configured TTL. */
  public Duration defaultTtl() {
    return settings.ttl;
  }

  /**
   * The cached value of {@code key} in {@code space}, or {@code loader}'s, stored under {@code tags} for
   * {@code ttl.apply(value)} (zero: not stored). Exceptions of the loader are thrown as they are. Inside
   * {@link #invalidate(Runnable)} the entry is deleted instead and {@code null} returned.
   *
   * @param call the entry key without {@code {prefix}:entry:}, or a {@link LocalKey} that renders it
   * @param tags the call's tags; {@code null} when {@code call} is a {@link LocalKey}, which renders them
   */
  public Object get(KeySpace space, Object call, List<String> tags, Function<Object, Duration> ttl,
      Callable<?> loader) throws Exception {
    return get(space, call, tags, ttl, space.resilience, loader);
  }

  Object get(KeySpace space, Object call, List<String> tags, Function<Object, Duration> ttl, Resilience resilience,
      Callable<?> loader) throws Exception {
    if (invalidationMode.invalidatesInstead(this, call)) {
      return null;
    }
    Backend current = backend;
    if (current == null) {
      return loader.call();
    }
    if (!guard.allows()) {
      if (guard.propagates()) {
        throw guard.circuitOpen();
      }
      space.counters.misses.increment();
      return Loads.timed(space, clock, loader);
    }
    LocalHits local = localHits;
    Envelope hit = local == null ? null : local.find(current, space, call, tags);
    if (hit != null) {
      return hit.value;
    }
    List<String> rendered = LocalKey.tagsOf(call, tags);
    CallKeys keys = keys(space, current, LocalKey.keyOf(call), rendered);
    return readThrough.get(space, current, keys, ttl, versionTtl(ttl), resilience,
        local == null ? null : local.ticket(current, space, call, rendered, keys), loader);
  }

  /**
   * {@link #get} for methods returning a {@code CompletionStage}: the completed value is cached, never the
   * stage. Backend I/O and waits run on the executor, never on the caller's thread; concurrent callers of a
   * cold key share one computation, and each gets its own stage, so cancelling one cancels nothing shared.
   * A failed stage is not cached and fails every caller that shared it.
   */
  public CompletableFuture<Object> getAsync(KeySpace space, Object call, List<String> tags,
      Function<Object, Duration> ttl, Callable<? extends CompletionStage<?>> loader) {
    return getAsync(space, call, tags, ttl, space.resilience, loader);
  }

  CompletableFuture<Object> getAsync(KeySpace space, Object call, List<String> tags, Function<Object, Duration> ttl,
      Resilience resilience, Callable<? extends CompletionStage<?>> loader) {
    if (invalidationMode.invalidatesInstead(this, call)) {
      return CompletableFuture.completedFuture(null);
    }
    Backend current = backend;
    if (current == null || !guard.allows()) {
      if (current != null && guard.propagates()) {
        return CompletableFuture.failedFuture(guard.circuitOpen());
      }
      return Loads.timedAsync(space, clock, loader);
    }
    LocalHits local = localHits;
    Envelope hit = local == null ? null : local.find(current, space, call, tags);
    if (hit != null) {
      return CompletableFuture.completedFuture(hit.value);
    }
    List<String> rendered = LocalKey.tagsOf(call, tags);
    CallKeys keys = keys(space, current, LocalKey.keyOf(call), rendered);
    LocalHits.Ticket ticket = local == null ? null : local.ticket(current, space, call, rendered, keys);
    CompletableFuture<Object> answer = new CompletableFuture<>();
    executor.get().execute(() -> readThrough.getAsync(space, current, keys, ttl, versionTtl(ttl), resilience, ticket,
        loader, answer));
    return answer;
  }

  private CallKeys keys(KeySpace space, Backend current, String key, List<String> tags) {
    if (tags.size() > MAX_TAGS) {
      throw new IllegalArgumentException(space.name + " has " + tags.size() + " tags; an entry can have at most "
          + MAX_TAGS);
    }
    KeyLimits limits = current.keyLimits();
    return new CallKeys(layout, limits, key, space.tagKeys(layout, tags, limits));
  }

  /** The life of an entry version: longer than the entries it guards (their TTL plus grace), twice over. */
  private Duration versionTtl(Function<Object, Duration> ttl) {
    return ttl instanceof ProgrammaticCalls.ConstantTtl constant && constant.ttl.compareTo(settings.ttl) > 0
        ? versionTtl(constant.ttl) : entryVersionTtl;
  }

  private Duration versionTtl(Duration ttl) {
    return Durations.plus(Durations.plus(ttl, ttl), settings.lockLease);
  }

  @Override
  public <T> T cached(String key, Collection<String> tags, Duration ttl, Type type, Callable<? extends T> loader) {
    return programmatic.cached(key, PROGRAMMATIC, type, tags, ttl, null, loader);
  }

  @Override
  public <T> T cached(String key, Type type, Callable<? extends T> loader) {
    return cached(key, List.of(), settings.ttl, type, loader);
  }

  @Override
  public <T> T cached(String key, CacheOptions options, Callable<? extends T> loader) {
    return programmatic.cached(key, options.statsGroup(), options.type(), options.tags(),
        options.ttl().orElse(settings.ttl), ProgrammaticCalls.overrides(options), loader);
  }

  @Override
  public <T> CompletionStage<T> cachedAsync(String key, Collection<String> tags, Duration ttl, Type type,
      Supplier<? extends CompletionStage<? extends T>> loader) {
    return programmatic.cachedAsync(key, PROGRAMMATIC, type, tags, ttl, null, loader);
  }

  @Override
  public <T> CompletionStage<T> cachedAsync(String key, Type type, Supplier<? extends CompletionStage<? extends T>> loader) {
    return cachedAsync(key, List.of(), settings.ttl, type, loader);
  }

  @Override
  public <T> CompletionStage<T> cachedAsync(String key, CacheOptions options,
      Supplier<? extends CompletionStage<? extends T>> loader) {
    return programmatic.cachedAsync(key, options.statsGroup(), options.type(), options.tags(),
        options.ttl().orElse(settings.ttl), ProgrammaticCalls.overrides(options), loader);
  }

  @Override
  public CompletionStage<Void> invalidateAsync(String key) {
    return CompletableFuture.runAsync(() -> invalidate(key), executor.get());
  }

  @Override
  public CompletionStage<Void> cleanAsync(String... tags) {
    return CompletableFuture.runAsync(() -> clean(tags), executor.get());
  }

  @Override
  public CompletionStage<Void> cleanAsync() {
    return CompletableFuture.runAsync(this::clean, executor.get());
  }

  /**
   * Re-versions the entry (one write), then deletes it and its lock, so that callers do not wait for a
   * computation whose value no one will read; then forgets this JVM's flights of the key.
   */
  @Override
  public void invalidate(String key) {
    Objects.requireNonNull(key, "key");
    Backend current = backend;
    if (current != null) {
      KeyLimits limits = current.keyLimits();
      BackendGuard.mustWrite(() -> {
        current.set(layout.versionKey(key, limits), Payload.of(Keys.token()), entryVersionTtl);
        current.delete(layout.lockKey(key, limits), layout.entryKey(key, limits));
      });
    }
    flights.forget(key);
  }

  @Override
  public void invalidate(Runnable call) {
    invalidationMode.run(call);
  }

  /** Whether the current thread is inside {@link #invalidate(Runnable)}. */
  public boolean invalidating() {
    return invalidationMode.active();
  }

  @Override
  public void clean(String... tags) {
    Backend current = backend;
    for (String tag : tags) {
      checkTag(tag);
      if (current != null) {
        String tagKey = layout.tagKey(tag, current.keyLimits());
        BackendGuard.mustWrite(() -> current.set(tagKey, Payload.of(Keys.token()), Duration.ZERO));
      }
    }
  }

  @Override
  public void clean() {
    Backend current = backend;
    if (current != null) {
      String namespaceKey = layout.namespaceKey(current.keyLimits());
      BackendGuard.mustWrite(() -> current.set(namespaceKey, Payload.of(Keys.token()), Duration.ZERO));
    }
  }

  @Override
  public Backend backend() {
    return NearCacheOptions.behind(backend);
  }

  @Override
  public Backend backend(Backend newBackend) {
    Objects.requireNonNull(newBackend, "newBackend");
    if (settings.backend == null) {
      throw new IllegalStateException("Caching is off (hermes.backend = none); a backend cannot be set");
    }
    Backend previous = NearCacheOptions.behind(backend);
    NearCacheOptions.retire(backend);
    closeLocalHits();
    backend = settings.near.around(newBackend, settings.prefix, clock, task -> executor.get().execute(task));
    localHits = LocalHits.in(backend, settings.prefix, layout, clock, settings.near.maxEntries());
    flights.clear();
    guard.reset();
    return previous;
  }

  @Override
  public HermesStats stats() {
    return stats.snapshot();
  }

  @Override
  public void close() {
    closeLocalHits();
    Backend current = backend;
    if (current != null) {
      current.close();
    }
    executor.close();
  }

  private void closeLocalHits() {
    LocalHits retired = localHits;
    localHits = null;
    if (retired != null) {
      retired.close();
    }
  }

  static void checkTag(String tag) {
    if (tag == null || tag.isEmpty()) {
      throw new IllegalArgumentException("A tag must not be null or empty");
    }
  }
}
