package io.hermescache.internal.plan;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;

/**
 * Where the {@code keyGenerator} and {@code ttlPolicy} instances of an annotation come from: under CDI, a
 * bean of that class if there is one; otherwise a new instance made with the public no-argument
 * constructor.
 */
public interface Instances {

  /**
   * The instance of {@code type} to use, possibly created on first use.
   *
   * @throws IllegalArgumentException saying why no instance can be had
   */
  <T> Supplier<T> of(Class<T> type);

  /** Instances made with the public no-argument constructor, once, now. */
  static Instances constructors() {
    return new Instances() {
      @Override
      public <T> Supplier<T> of(Class<T> type) {
        T instance = construct(type);
        return () -> instance;
      }
    };
  }

  /**
   * A new instance of {@code type} made with its public no-argument constructor.
   *
   * @throws IllegalArgumentException if there is no such constructor or it fails
   */
  static <T> T construct(Class<T> type) {
    try {
      return constructor(type).newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ? e.getCause() : e;
      throw new IllegalArgumentException(type.getName() + " cannot be created: its constructor failed with " + cause, cause);
    }
  }

  /**
   * The public no-argument constructor {@link #construct} would call, not called: for a build that must
   * check without running application code.
   *
   * @throws IllegalArgumentException if {@code type} is abstract or has no such constructor
   */
  static <T> Constructor<T> constructor(Class<T> type) {
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new IllegalArgumentException(type.getName() + " cannot be created: it is "
          + (type.isInterface() ? "an interface" : "abstract"));
    }
    try {
      return type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type.getName() + " cannot be created: it has no public no-argument constructor");
    }
  }
}
