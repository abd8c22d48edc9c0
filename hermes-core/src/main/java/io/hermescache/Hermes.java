package io.hermescache;

import io.hermescache.internal.Choices;
import io.hermescache.internal.EngineSettings;
import io.hermescache.internal.HermesEngine;
import io.hermescache.internal.NearCacheOptions;
import io.hermescache.internal.SettingChecks;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Clock;
import io.hermescache.spi.Compressor;
import io.hermescache.spi.Serialiser;
import io.hermescache.spi.Settings;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A cache of computed values in a backend, with O(1) invalidation by tag and one computation per cold
 * key across threads, JVMs and machines.
 *
 * <p>Under CDI, {@code @Inject Hermes} gives the instance that serves {@link HermesCached} methods,
 * configured from MicroProfile Config. In plain Java, {@link #builder()} makes one:
 *
 * <pre>{@code
 * Hermes hermes = Hermes.builder().ttl(Duration.ofMinutes(10)).build();
 * double avg = hermes.cached("avg:1:2", List.of("math"), Duration.ofMinutes(20), Double.class, () -> 1.5);
 * hermes.clean("math");
 * }</pre>
 *
 * <p>Creating an instance has no side effects: the backend connects on first use. All methods are
 * thread-safe. A backend that fails does not fail the caller unless {@code hermes.backend-failure} is
 * {@link BackendFailure#PROPAGATE}: the value is computed and returned without the cache.
 */
public interface Hermes extends AutoCloseable {

  /** A builder with the defaults of the configuration table (in-process backend, TTL one hour, prefix "cache"). */
  static Builder builder() {
    return new Builder();
  }

  /**
   * The value stored under {@code key}, or the value of {@code loader}, stored with {@code tags} for
   * {@code ttl}. Concurrent callers of a cold key share one run of the loader; exceptions are never
   * stored. Unchecked exceptions of the loader reach the caller as they are, checked ones wrapped in
   * {@link HermesLoadException}.
   *
   * @param key the entry key, stored as {@code {prefix}:entry:{key}}
   * @param tags tags to store the entry under; {@link #clean(String...)} on any of them drops it
   * @param ttl how long the value lives; positive
   * @param type the value's type, generic types included (it is read back as this type)
   * @param loader computes the value on a miss
   */
  <T> T cached(String key, Collection<String> tags, Duration ttl, Type type, Callable<? extends T> loader);

  /** {@link #cached(String, Collection, Duration, Type, Callable)} with no tags and the configured TTL. */
  <T> T cached(String key, Type type, Callable<? extends T> loader);

  /**
   * {@link #cached(String, Collection, Duration, Type, Callable)} for values computed asynchronously: the
   * completed value is stored, never the stage. The backend is used on the executor ({@link
   * Builder#executor}), never on the caller's thread. Concurrent callers of a cold key share one run of
   * the loader, each through a stage of its own (cancelling it cancels nothing shared); a failed stage is
   * not stored and fails every caller that shared it.
   */
  <T> CompletionStage<T> cachedAsync(String key, Collection<String> tags, Duration ttl, Type type,
      Supplier<? extends CompletionStage<? extends T>> loader);

  /** {@link #cachedAsync(String, Collection, Duration, Type, Supplier)} with no tags and the configured TTL. */
  <T> CompletionStage<T> cachedAsync(String key, Type type, Supplier<? extends CompletionStage<? extends T>> loader);

  /**
   * The value stored under {@code key}, or the value of {@code loader}, cached as {@code options} say: tags,
   * TTL, value type, statistics group and the resilience options of {@link HermesCached} (fail-safe, soft and
   * hard timeouts, refresh ahead). Exceptions as {@link #cached(String, Collection, Duration, Type, Callable)}.
   *
   * @throws HermesTimeoutException when the loader did not answer within the hard timeout and no stale value
   *     could be served (the loader goes on and stores its value)
   */
  <T> T cached(String key, CacheOptions options, Callable<? extends T> loader);

  /** {@link #cached(String, CacheOptions, Callable)} for values computed asynchronously, as {@link #cachedAsync}. */
  <T> CompletionStage<T> cachedAsync(String key, CacheOptions options,
      Supplier<? extends CompletionStage<? extends T>> loader);

  /** Drops the entry stored under {@code key} by {@link #cached}; a value being computed for it is not stored. */
  void invalidate(String key);

  /**
   * Drops exactly the entry that {@code call} would read: the call goes through the cache interceptor in
   * invalidation mode, so its key is computed as for a read and deleted; the method body does not run.
   * For example {@code hermes.invalidate(() -> example.bar(2, 10))}.
   *
   * @throws IllegalArgumentException if the call reached no {@link HermesCached} method of this instance
   */
  void invalidate(Runnable call);

  /**
   * Invalidates every entry stored under any of {@code tags}, in O(1) per tag: each tag gets a new
   * version. Once this returns, no caller is served a value computed under an old version, including
   * one that was being computed meanwhile. No tags: nothing happens.
   */
  void clean(String... tags);

  /** Invalidates every entry under this instance's prefix in O(1); other prefixes on the same server are untouched. */
  void clean();

  /** {@link #invalidate(String)} on the executor. */
  CompletionStage<Void> invalidateAsync(String key);

  /** {@link #clean(String...)} on the executor; the stage completes once the tags are re-versioned. */
  CompletionStage<Void> cleanAsync(String... tags);

  /** {@link #clean()} on the executor. */
  CompletionStage<Void> cleanAsync();

  /** The backend in use. */
  Backend backend();

  /**
   * Replaces the backend at runtime; calls already under way finish on the old one. The previous backend
   * is returned, not closed: the caller decides.
   */
  Backend backend(Backend newBackend);

  /**
   * Hits, misses, loads, load time, lock waits, errors, refreshes, stale answers and timeouts, per cached
   * method and in total; {@link #cached} calls are counted together under {@code programmatic} (or the
   * {@link CacheOptions#statsGroup() stats group} of their options).
   */
  HermesStats stats();

  /** Closes the backend, and the executor if Hermes made it. */
  @Override
  void close();

  /**
   * Builds a {@link Hermes}. {@link #configure} reads the configuration keys of the documentation
   * ({@code hermes.ttl}, ...); the other methods set one option each and win over configuration, whatever
   * the order of the calls. {@link #build()} fixes the result: later calls to the builder do not change an
   * instance already built.
   */
  final class Builder {

    private Choices configured = Choices.NONE;
    private Backend backend;
    private Duration ttl;
    private String prefix;
    private Serialiser serialiser;
    private Optional<Compressor> compressor;
    private Integer compressionThreshold;
    private Duration lockTimeout;
    private Duration lockLease;
    private Boolean cacheNulls;
    private BackendFailure backendFailure;
    private Executor executor;
    private Clock clock;
    private NearCacheOptions near;
    private Boolean verifyRoundTrip;

    private Builder() {}

    /**
     * Reads every {@code hermes.*} key found in {@code settings}, validating each value now (the error names
     * the key and the value). A later {@code configure} replaces an earlier one; setters win over both.
     */
    public Builder configure(Settings settings) {
      configured = Choices.configured(Objects.requireNonNull(settings, "settings"));
      return this;
    }

    public Builder backend(Backend backend) {
      this.backend = Objects.requireNonNull(backend, "backend");
      return this;
    }

    /** Default time to live; positive. */
    public Builder ttl(Duration ttl) {
      this.ttl = SettingChecks.positive("ttl", ttl);
      return this;
    }

    /** Namespace of every key; two applications with different prefixes can share a server. */
    public Builder prefix(String prefix) {
      this.prefix = SettingChecks.prefix("prefix", prefix);
      return this;
    }

    public Builder serialiser(Serialiser serialiser) {
      this.serialiser = Objects.requireNonNull(serialiser, "serialiser");
      return this;
    }

    /** Compress serialised values of {@code threshold} bytes or more; {@code null} compressor disables compression. */
    public Builder compression(Compressor compressor, int threshold) {
      if (threshold < 0) {
        throw HermesConfigurationException.badValue("compression threshold", String.valueOf(threshold),
            "must not be negative");
      }
      this.compressor = Optional.ofNullable(compressor);
      this.compressionThreshold = threshold;
      return this;
    }

    /** How long a caller waits for a peer computing the same key before computing itself. */
    public Builder lockTimeout(Duration timeout) {
      this.lockTimeout = SettingChecks.positive("lock timeout", timeout);
      return this;
    }

    /** How long a lock lives if its holder dies; a living holder renews it every third of this. */
    public Builder lockLease(Duration lease) {
      this.lockLease = SettingChecks.positive("lock lease", lease);
      return this;
    }

    public Builder cacheNulls(boolean cacheNulls) {
      this.cacheNulls = cacheNulls;
      return this;
    }

    public Builder backendFailure(BackendFailure backendFailure) {
      this.backendFailure = Objects.requireNonNull(backendFailure, "backendFailure");
      return this;
    }

    /**
     * Where asynchronous calls use the backend: a container-managed executor when there is one. Without
     * it, Hermes makes a pool of daemon threads on first need and shuts it down on {@link Hermes#close()}.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * The time source of expiry, grace, waits for a peer, lock renewal, the circuit breaker and rate-limited
     * logs; {@link Clock#system()} unless set. Tests pass a fake one.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Keeps up to {@code maxEntries} recently read values in this JVM in front of a remote backend
     * ({@code hermes.near.*}): a hit then makes no round trip. Another JVM serves a value at most
     * {@code maxStaleness} after an invalidation returned; this one never does. Ignored for the in-process backend.
     */
    public Builder nearCache(int maxEntries, Duration maxStaleness) {
      this.near = NearCacheOptions.enabled(maxEntries, maxStaleness);
      return this;
    }

    /**
     * Reads every stored value back once and fails with an {@link AssertionError} naming the method when it
     * does not come back equal ({@code hermes.verify-round-trip}); meant for tests, it doubles the cost of a store.
     */
    public Builder verifyRoundTrip(boolean verify) {
      this.verifyRoundTrip = verify;
      return this;
    }

    /** A new instance; nothing connects until the first call. */
    public Hermes build() {
      Choices explicit = new Choices(backend, null, null, ttl, prefix, serialiser, compressor, compressionThreshold,
          lockTimeout, lockLease, cacheNulls, backendFailure, executor, clock, null, near, null, null, verifyRoundTrip);
      return new HermesEngine(EngineSettings.resolve(configured, explicit));
    }
  }
}
