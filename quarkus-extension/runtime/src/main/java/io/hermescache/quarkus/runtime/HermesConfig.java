package io.hermescache.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code hermes.*} keys, the same names and defaults as in every other Hermes integration, so that
 * one table documents them all.
 *
 * <p>This mapping declares the keys to Quarkus (documentation, Dev UI, type checks at startup). The
 * engine itself is built from the raw values through {@code Hermes.Builder.configure}, which validates
 * them with the same messages as outside Quarkus ({@code hermes.ttl = -5: must not be negative}); so
 * the values are typed as text here, and a duration accepts exactly what the core accepts (seconds, or
 * ISO-8601), not Quarkus' own shorter forms.
 */
@ConfigMapping(prefix = "hermes")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface HermesConfig {

  /** {@code inprocess}, {@code redis}, {@code memcached}, or {@code none} (caching off, methods run). */
  @WithDefault("inprocess")
  String backend();

  /** Default time to live: seconds ({@code 3600}) or ISO-8601 ({@code PT1H}). */
  @WithDefault("3600")
  String ttl();

  /** Namespace of every key; two applications with different prefixes can share a server. */
  @WithDefault("cache")
  String prefix();

  /** {@code jsonb}, or the class name of an {@code io.hermescache.spi.Serialiser}. */
  @WithDefault("jsonb")
  String serialiser();

  /** {@code deflate}, {@code none}, or the class name of an {@code io.hermescache.spi.Compressor}. */
  @WithDefault("deflate")
  String compression();

  /** Payloads of at least this many bytes are compressed. */
  @WithName("compression.threshold")
  @WithDefault("100")
  String compressionThreshold();

  /** Dogpile lock settings. */
  Lock lock();

  /** Whether {@code null} results are cached. */
  @WithName("cache-nulls")
  @WithDefault("true")
  String cacheNulls();

  /** {@code bypass}: on backend error run the method, log, count; {@code propagate}: throw {@code HermesException}. */
  @WithName("backend-failure")
  @WithDefault("bypass")
  String backendFailure();

  /** Read every stored value back once and fail when it does not come back equal (meant for tests). */
  @WithName("verify-round-trip")
  @WithDefault("false")
  String verifyRoundTrip();

  /** {@code hermes.fail-safe.*}: serving a stale value when a method fails. */
  @WithName("fail-safe")
  FailSafe failSafe();

  /** {@code hermes.timeout.*}: how long callers wait for a method. */
  Timeout timeout();

  /** Fraction of the TTL after which a value is recomputed in the background; {@code 0}: off. */
  @WithName("refresh-ahead")
  @WithDefault("0")
  String refreshAhead();

  /** The in-process (Caffeine) backend. */
  InProcess inprocess();

  /** The Redis backend ({@code hermes-backend-redis}). */
  Redis redis();

  /** The Memcached backend ({@code hermes-backend-memcached}). */
  Memcached memcached();

  /** {@code hermes.lock.*}. */
  interface Lock {

    /** How long a caller waits for a peer computing the same key before computing itself. */
    @WithDefault("PT10S")
    String timeout();

    /** How long a lock lives if its holder dies. */
    @WithDefault("PT30S")
    String lease();
  }

  /** {@code hermes.fail-safe.*}. */
  interface FailSafe {

    /** How long after its expiry a value may be served when the method fails; {@code PT0S}: off. */
    @WithName("max-stale")
    @WithDefault("PT0S")
    String maxStale();

    /** After a stale value was served, how long the method is not called again. */
    @WithDefault("PT30S")
    String throttle();
  }

  /** {@code hermes.timeout.*}; absent: no timeout. */
  interface Timeout {

    /** With a stale value at hand, how long a caller waits for the method before taking the stale value. */
    Optional<String> soft();

    /** How long a caller waits for the method before {@code HermesTimeoutException}. */
    Optional<String> hard();
  }

  /** {@code hermes.inprocess.*}. */
  interface InProcess {

    /** Caffeine bound: entries, tag versions and locks. */
    @WithName("max-entries")
    @WithDefault("10000")
    String maxEntries();

    /** {@code true}: every hit decodes a fresh copy; {@code false}: hits share one decoded instance. */
    @WithName("copy-on-read")
    @WithDefault("false")
    String copyOnRead();
  }

  /** {@code hermes.redis.*}. */
  interface Redis {

    /** {@code redis://[user:password@]host:port/db}, or {@code rediss://} for TLS. */
    @WithDefault("redis://localhost:6379/0")
    String uri();

    /**
     * The backend's other keys, read by it as they are: {@code timeout}, {@code pool.max-total},
     * {@code pool.max-idle}, {@code cluster}, {@code sentinel.master}, {@code sentinel.nodes}.
     */
    @WithParentName
    Map<String, String> options();
  }

  /** {@code hermes.memcached.*}. */
  interface Memcached {

    /** Comma-separated {@code host:port} list; keys are spread by consistent hashing. */
    @WithDefault("localhost:11211")
    String servers();

    /** The backend's other keys, read by it as they are. */
    @WithParentName
    Map<String, String> options();
  }
}
