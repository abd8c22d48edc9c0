package io.hermescache;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Serves the annotated method (or every business method of the annotated class) from the cache.
 *
 * <p>The first call with given arguments runs the method and stores its value; later calls with equal
 * arguments return the stored value until its TTL runs out or one of its tags is cleaned. Concurrent
 * callers of a cold key share one computation, in this JVM and, through a lock in the backend, across
 * JVMs. Exceptions are never cached; {@code null} is, unless {@code hermes.cache-nulls=false}.
 *
 * <p>Templates in {@link #key()} and {@link #tags()} take argument values: {@code {name}} is a
 * parameter by name (classes compiled with {@code -parameters}), {@code {0}} a parameter by index and
 * {@code {name.property}} a bean or record property. A template that names something that does not
 * exist fails deployment.
 *
 * <p>Every member can be overridden per method from configuration, the MicroProfile Fault Tolerance way:
 * {@code <fully qualified class>/<method>/HermesCached/<member>=value}, for example
 * {@code com.acme.Repo/find/HermesCached/ttl=60}; a bad value fails deployment naming the key.
 *
 * <p>This is a plain annotation: the CDI extension and the Quarkus extension register it as an
 * interceptor binding whose members are all non-binding, so the core stays free of CDI.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface HermesCached {

  /** Marks {@link #ttl()} as not given: the configured {@code hermes.ttl} applies. */
  long CONFIGURED_TTL = -1;

  /** Time to live in seconds; positive. Defaults to {@code hermes.ttl}. */
  long ttl() default CONFIGURED_TTL;

  /** Tags (templates allowed) under which the entry is stored; {@link Hermes#clean(String...)} drops them in O(1). */
  String[] tags() default {};

  /**
   * Key template, e.g. {@code "avg:{a}:{b}"}, stored as {@code {prefix}:entry:{rendered}}. Empty: the key
   * is the bean class (never a proxy or subclass the container made), the method and a hash of parameter
   * types and argument values.
   */
  String key() default "";

  /** A bean or class computing the key instead of {@link #key()}; the interface itself means none. */
  Class<? extends KeyGenerator> keyGenerator() default KeyGenerator.class;

  /** A bean or class choosing the TTL from the value; the interface itself means none. */
  Class<? extends TtlPolicy> ttlPolicy() default TtlPolicy.class;

  /** Marks {@link #refreshAhead()} as not given: the configured {@code hermes.refresh-ahead} applies. */
  double CONFIGURED_REFRESH_AHEAD = -1;

  /**
   * Fail-safe: when the method throws (or times out) and its last value expired no longer ago than this, that
   * value is served instead of the failure (never a value that was invalidated), the failure is logged
   * (rate-limited) and counted as {@code stale}, and the method is not called again for
   * {@code hermes.fail-safe.throttle} (30 s), in any JVM. Seconds ({@code "3600"}) or ISO-8601 ({@code "PT1H"});
   * {@code "0"} turns it off; empty: {@code hermes.fail-safe.max-stale} (off unless configured). An entry is
   * kept in the backend for its TTL plus this, so that it can be served.
   */
  String staleFor() default "";

  /**
   * With a stale value at hand (an expired but coherent entry), how long a caller waits for the method before
   * it takes the stale value; the method goes on in the background (on Hermes' executor) and stores its value.
   * Seconds or ISO-8601 ({@code "PT0.05S"}); empty: {@code hermes.timeout.soft} (none unless configured).
   */
  String softTimeout() default "";

  /**
   * How long any caller waits for the method (or for a peer computing it) before {@link HermesTimeoutException}
   * (or the stale value, if fail-safe has one); the method goes on in the background and stores its value, so
   * that a later call is a hit. It is never run twice because of a timeout. Seconds or ISO-8601; empty:
   * {@code hermes.timeout.hard} (none unless configured).
   */
  String hardTimeout() default "";

  /**
   * The fraction of the TTL (for example {@code 0.8}) after which one caller in the cluster, the one that takes
   * the key's lock without waiting, recomputes the value in the background while every caller keeps getting
   * the current one; counted as {@code refreshes}. {@code 0} turns it off; from 0 up to, not including, 1;
   * negative (the default): {@code hermes.refresh-ahead} (off unless configured).
   */
  double refreshAhead() default CONFIGURED_REFRESH_AHEAD;
}
