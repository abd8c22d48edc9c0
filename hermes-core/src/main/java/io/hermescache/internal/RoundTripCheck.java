package io.hermescache.internal;

import io.hermescache.spi.Serialiser;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A serialiser that reads every value back once as it is stored and fails loudly when what comes back differs
 * from what went in ({@code hermes.verify-round-trip=true}, meant for tests): it catches the types the
 * deployment checks could not judge. Values are compared with {@code equals} where their class defines it;
 * collections, maps, arrays and {@code Optional} element by element; other objects by class and readable
 * properties.
 */
public final class RoundTripCheck implements Serialiser {

  private static final int MAX_DEPTH = 32;
  /** Beyond this size a set is compared by its own {@code equals} only (matching elements one by one is quadratic). */
  private static final int MAX_MATCHED_SET = 1000;

  private final Serialiser serialiser;

  /** Checks every value {@code serialiser} writes. */
  public RoundTripCheck(Serialiser serialiser) {
    this.serialiser = Objects.requireNonNull(serialiser, "serialiser");
  }

  /**
   * The thrown difference: an {@link AssertionError}, so that no "log and go on" handler of the cache swallows it.
   * The engine, which knows the method, names it with {@link #in}.
   */
  public static final class Mismatch extends AssertionError {

    private static final long serialVersionUID = 1L;

    Mismatch(String message) {
      super(message);
    }

    /** This difference, said of the values of {@code method} (e.g. {@code com.acme.Repo.find}). */
    public Mismatch in(String method) {
      Mismatch named = new Mismatch(method + ": " + getMessage());
      named.setStackTrace(getStackTrace());
      return named;
    }
  }

  /**
   * The serialised bytes of {@code value}, after checking that they read back as an equal value.
   *
   * @throws Mismatch naming the type and both values when they differ
   */
  @Override
  public byte[] serialise(Object value, Type type) {
    byte[] bytes = serialiser.serialise(value, type);
    Object read = serialiser.deserialise(bytes, type);
    if (!same(value, read, 0)) {
      throw new Mismatch("hermes.verify-round-trip: a value stored as " + type.getTypeName()
          + " does not come back equal from " + serialiser.getClass().getSimpleName() + ": stored " + describe(value)
          + ", read back " + describe(read) + ". Return a type whose state the serialiser reads and writes (a record),"
          + " or annotate the abstract type with @JsonbTypeInfo");
    }
    return bytes;
  }

  @Override
  public Object deserialise(byte[] bytes, Type type) {
    return serialiser.deserialise(bytes, type);
  }

  private static String describe(Object value) {
    return value == null ? "null" : value + " (" + value.getClass().getName() + ")";
  }

  static boolean same(Object stored, Object read, int depth) {
    if (stored == read) {
      return true;
    }
    if (stored == null || read == null) {
      return false;
    }
    if (depth > MAX_DEPTH) {
      return true;
    }
    if (stored instanceof List<?> && read instanceof List<?>) {
      return sameInOrder((List<?>) stored, (List<?>) read, depth);
    }
    if (stored instanceof Set<?> && read instanceof Set<?>) {
      return sameSet((Set<?>) stored, (Set<?>) read, depth);
    }
    if (stored instanceof Map<?, ?> && read instanceof Map<?, ?>) {
      return sameMap((Map<?, ?>) stored, (Map<?, ?>) read, depth);
    }
    if (stored instanceof Optional<?> && read instanceof Optional<?>) {
      return same(((Optional<?>) stored).orElse(null), ((Optional<?>) read).orElse(null), depth + 1);
    }
    if (stored.getClass().isArray() && read.getClass() == stored.getClass()) {
      int length = Array.getLength(stored);
      if (length != Array.getLength(read)) {
        return false;
      }
      for (int i = 0; i < length; i++) {
        if (!same(Array.get(stored, i), Array.get(read, i), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (stored.getClass() != read.getClass()) {
      return false;
    }
    return definesEquals(stored.getClass()) ? stored.equals(read) : sameProperties(stored, read, depth);
  }

  private static boolean sameInOrder(Collection<?> stored, Collection<?> read, int depth) {
    if (stored.size() != read.size()) {
      return false;
    }
    Iterator<?> others = read.iterator();
    for (Object item : stored) {
      if (!same(item, others.next(), depth + 1)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameSet(Set<?> stored, Set<?> read, int depth) {
    if (stored.equals(read)) {
      return true;
    }
    if (stored.size() != read.size() || stored.size() > MAX_MATCHED_SET) {
      return false;
    }
    for (Object item : stored) {
      if (read.stream().noneMatch(other -> same(item, other, depth + 1))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameMap(Map<?, ?> stored, Map<?, ?> read, int depth) {
    if (!stored.keySet().equals(read.keySet())) {
      return false;
    }
    for (Map.Entry<?, ?> entry : stored.entrySet()) {
      if (!same(entry.getValue(), read.get(entry.getKey()), depth + 1)) {
        return false;
      }
    }
    return true;
  }

  /** Without an equals of its own, an object is compared by what the serialiser sees of it. */
  private static boolean sameProperties(Object stored, Object read, int depth) {
    for (BeanProperties.Property property : BeanProperties.readable(stored.getClass())) {
      Member reader = property.reader();
      try {
        Object one = reader instanceof Field ? ((Field) reader).get(stored) : ((Method) reader).invoke(stored);
        Object other = reader instanceof Field ? ((Field) reader).get(read) : ((Method) reader).invoke(read);
        if (!same(one, other, depth + 1)) {
          return false;
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        return false;
      }
    }
    return true;
  }

  private static boolean definesEquals(Class<?> type) {
    try {
      return type.getMethod("equals", Object.class).getDeclaringClass() != Object.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
