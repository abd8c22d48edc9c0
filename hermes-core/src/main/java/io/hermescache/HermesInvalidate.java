package io.hermescache;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated method and, once it has returned normally (for an asynchronous method: once its
 * stage has completed normally), cleans the rendered {@link #tags()} and invalidates the entries named
 * by {@link #keys()}. A method that throws invalidates nothing.
 *
 * <p>Templates are those of {@link HermesCached}: {@code @HermesInvalidate(tags = "user:{user.id}")}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface HermesInvalidate {

  /** Tags to clean, as templates. */
  String[] tags() default {};

  /** Entry keys to invalidate, as templates in the form of {@link HermesCached#key()}. */
  String[] keys() default {};
}
