package io.hermescache.quarkus.runtime;

import io.hermescache.BackendFailure;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code hermes.*} keys at run time, the same names and defaults as in every other Hermes integration.
 * Typed, so that Quarkus checks them at start-up and accepts its own forms ({@code 10m}, {@code 1h} as
 * well as {@code 600} and {@code PT10M}); the engine reads the same values through
 * {@link QuarkusSettings}, which hands it these durations in ISO-8601.
 */
@ConfigMapping(prefix = "hermes")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface HermesConfig {

  /** {@code inprocess}, {@code redis}, {@code memcached}, or {@code none} (caching off, methods run). */
  @WithDefault("inprocess")
  String backend();

  /** Default time to live of an entry where {@code @HermesCached(ttl)} sets none: {@code 3600}, {@code 1h}, {@code PT1H}. */
  @WithDefault("3600")
  Duration ttl();

  /** Namespace of every key; two applications with different prefixes can share a server. */
  @WithDefault("cache")
  String prefix();

  /** {@code jsonb}, {@code java} (opt-in, with {@code hermes.serialiser.allow}), or the class name of an {@code io.hermescache.spi.Serialiser}. */
  @WithDefault("jsonb")
  String serialiser();

  /** With {@code hermes.serialiser=java}: the classes it may read, e.g. {@code java.lang.*;java.util.*;com.example.model.*}. */
  @WithName("serialiser.allow")
  Optional<String> serialiserAllow();

  /** {@code deflate}, {@code none}, or the class name of an {@code io.hermescache.spi.Compressor}. */
  @WithDefault("deflate")
  String compression();

  /** Payloads of at least this many bytes are compressed. */
  @WithName("compression.threshold")
  @WithDefault("100")
  int compressionThreshold();

  /** Inflating a compressed payload stops at this many bytes (a bigger one is a miss): the limit of a deflate bomb. */
  @WithName("compression.max-inflated")
  @WithDefault("67108864")
  long compressionMaxInflated();

  /** {@code true}: logs name an entry by its key, which may hold argument values; else by a short hash. */
  @WithName("log.keys")
  @WithDefault("false")
  boolean logKeys();

  /** Dogpile lock settings. */
  Lock lock();

  /** Whether {@code null} results are cached. */
  @WithName("cache-nulls")
  @WithDefault("true")
  boolean cacheNulls();

  /** {@code bypass}: on backend error run the method, log, count; {@code propagate}: throw {@code HermesException}. */
  @WithName("backend-failure")
  @WithDefault("bypass")
  BackendFailure backendFailure();

  /** The readiness check. */
  Health health();

  /** Read every stored value back once and fail when it does not come back equal (meant for tests). */
  @WithName("verify-round-trip")
  @WithDefault("false")
  boolean verifyRoundTrip();

  /** {@code hermes.fail-safe.*}: serving a stale value when a method fails. */
  @WithName("fail-safe")
  FailSafe failSafe();

  /** {@code hermes.timeout.*}: how long callers wait for a method. */
  Timeout timeout();

  /** Fraction of the TTL after which a value is recomputed in the background; {@code 0}: off. */
  @WithName("refresh-ahead")
  @WithDefault("0")
  double refreshAhead();

  /** The in-process (Caffeine) backend. */
  InProcess inprocess();

  /** The near cache in front of Redis or Memcached. */
  Near near();

  /** The Redis backend ({@code hermes-backend-redis}). */
  Redis redis();

  /** The Memcached backend ({@code hermes-backend-memcached}). */
  Memcached memcached();

  /**
   * Every {@code hermes.*} key as written, the known ones too: keys no member declares are accepted (and
   * reported with the closest known key by {@link UnknownKeys}) rather than stopping the application,
   * since {@code -Dhermes.version=...} of a build is not meant for Hermes.
   */
  @WithParentName
  Map<String, String> all();

  /** {@code hermes.lock.*}. */
  interface Lock {

    /** How long a caller waits for a peer computing the same key before computing itself. */
    @WithDefault("10s")
    Duration timeout();

    /** How long a lock lives if its holder dies. */
    @WithDefault("30s")
    Duration lease();
  }

  /** {@code hermes.health.*} at run time. */
  interface Health {

    /**
     * Whether an unreachable backend makes the application not ready; by default it does exactly when
     * {@code hermes.backend-failure=propagate} (with {@code bypass} the application still answers).
     */
    Optional<Boolean> readiness();
  }

  /** {@code hermes.fail-safe.*}. */
  interface FailSafe {

    /** How long after its expiry a value may be served when the method fails; {@code PT0S}: off. */
    @WithName("max-stale")
    @WithDefault("PT0S")
    Duration maxStale();

    /** After a stale value was served, how long the method is not called again. */
    @WithDefault("PT30S")
    Duration throttle();
  }

  /** {@code hermes.timeout.*}; absent: no timeout. */
  interface Timeout {

    /** With a stale value at hand, how long a caller waits for the method before taking the stale value. */
    Optional<Duration> soft();

    /** How long a caller waits for the method before {@code HermesTimeoutException}. */
    Optional<Duration> hard();
  }

  /** {@code hermes.inprocess.*}. */
  interface InProcess {

    /** Caffeine bound: entries, tag versions and locks. */
    @WithName("max-entries")
    @WithDefault("10000")
    int maxEntries();

    /** {@code true}: every hit decodes a fresh copy; {@code false}: hits share one decoded instance. */
    @WithName("copy-on-read")
    @WithDefault("false")
    boolean copyOnRead();
  }

  /** {@code hermes.near.*}. */
  interface Near {

    /** {@code true}: keep recently read values in this JVM in front of Redis or Memcached. */
    @WithDefault("false")
    String enabled();

    /** Bound of the near cache. */
    @WithName("max-entries")
    @WithDefault("10000")
    String maxEntries();

    /** The longest another JVM may serve a value after an invalidation returned. */
    @WithName("max-staleness")
    @WithDefault("PT1S")
    String maxStaleness();
  }

  /** {@code hermes.redis.*}. */
  interface Redis {

    /** {@code redis://[user:password@]host:port/db}, or {@code rediss://} for TLS. */
    @WithDefault("redis://localhost:6379/0")
    String uri();

    /** Connect and read timeout, and the longest wait for a pooled connection. */
    @WithDefault("2s")
    Duration timeout();

    /** The connection pool. */
    Pool pool();

    /** {@code host:port,host:port}: seed nodes of a Redis Cluster. */
    Optional<String> cluster();

    /** Redis Sentinel. */
    Sentinel sentinel();

    /** TLS with {@code rediss://}. */
    Tls tls();

    /** {@code hermes.redis.pool.*}. */
    interface Pool {

      /** Connections per server. */
      @WithName("max-total")
      @WithDefault("16")
      int maxTotal();

      /** Idle connections kept per server; by default {@code max-total}. */
      @WithName("max-idle")
      Optional<Integer> maxIdle();
    }

    /** {@code hermes.redis.sentinel.*}. */
    interface Sentinel {

      /** Name of the master monitored by Redis Sentinel. */
      Optional<String> master();

      /** {@code host:port,host:port} of the sentinels. */
      Optional<String> nodes();
    }

    /** {@code hermes.redis.tls.*}. */
    interface Tls {

      /** A PKCS12 or JKS file holding the CA of the servers' certificates; by default the JVM's trust store. */
      Optional<String> truststore();

      /** Its password (never logged). */
      @WithName("truststore-password")
      Optional<String> truststorePassword();

      /** {@code PKCS12} or {@code JKS}. */
      @WithName("truststore-type")
      @WithDefault("PKCS12")
      String truststoreType();
    }
  }

  /** {@code hermes.memcached.*}. */
  interface Memcached {

    /** Comma-separated {@code host:port} list; keys are spread by consistent hashing. */
    @WithDefault("localhost:11211")
    String servers();

    /** How long one operation may take. */
    @WithDefault("1s")
    Duration timeout();

    /** SASL PLAIN user; set both or neither. */
    Optional<String> username();

    /** SASL PLAIN password; never shown in messages. */
    Optional<String> password();
  }
}
