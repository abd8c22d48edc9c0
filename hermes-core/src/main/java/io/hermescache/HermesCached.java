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
}
