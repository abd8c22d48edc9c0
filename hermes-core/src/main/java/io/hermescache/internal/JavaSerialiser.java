package io.hermescache.internal;

import io.hermescache.HermesConfigurationException;
import io.hermescache.spi.Serialiser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Java native serialisation, opted into with {@code hermes.serialiser = java}, for values JSON-B cannot
 * round-trip. It reads only the classes of an allow-list ({@code hermes.serialiser.allow}, required): a
 * payload naming any other class is refused before that class is loaded, so a payload planted under a key
 * cannot run a deserialisation gadget. The refusal makes the entry a miss, which is then overwritten.
 */
final class JavaSerialiser implements Serialiser {

  static final String ALLOW_KEY = "hermes.serialiser.allow";

  /** Bounds a payload's graph, so that a crafted one cannot exhaust memory or stack either. */
  private static final String LIMITS = "maxdepth=64;maxrefs=100000;maxbytes=67108864";

  private final ObjectInputFilter filter;

  /**
   * @param allowList {@link ObjectInputFilter} patterns separated by {@code ;} naming what may be read, e.g.
   *     {@code java.lang.*;java.util.*;com.example.model.*}; everything else is rejected
   */
  JavaSerialiser(String allowList) {
    String patterns = allowList == null ? "" : allowList.trim();
    if (patterns.isEmpty() || patterns.contains("!") || patterns.matches("(?s).*(^|;)\\s*\\*\\s*(;|$).*")) {
      throw HermesConfigurationException.badValue(ALLOW_KEY, String.valueOf(allowList), "must list the classes"
          + " or packages that may be read, e.g. java.lang.*;java.util.*;com.example.model.* (no '*' alone, no '!')");
    }
    try {
      filter = ObjectInputFilter.Config.createFilter(LIMITS + ";" + patterns + ";!*");
    } catch (IllegalArgumentException e) {
      throw HermesConfigurationException.badValue(ALLOW_KEY, allowList, "not a list of class patterns: " + e.getMessage());
    }
  }

  @Override
  public byte[] serialise(Object value, Type type) {
    if (!(value instanceof Serializable)) {
      throw new IllegalArgumentException(value.getClass().getName() + " is not Serializable");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialise " + value.getClass().getName(), e);
    }
    return bytes.toByteArray();
  }

  /** The value, if every class in {@code bytes} is on the allow-list; else {@link java.io.InvalidClassException}. */
  @Override
  public Object deserialise(byte[] bytes, Type type) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      in.setObjectInputFilter(filter);
      Object value = in.readObject();
      Class<?> expected = rawClass(Types.boxed(type));
      if (!expected.isInstance(value)) {
        throw new IllegalArgumentException("a " + value.getClass().getName() + " where " + expected.getName() + " was expected");
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException("Refused or unreadable payload: " + e, e);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("Unknown class in payload: " + e.getMessage(), e);
    }
  }

  /** The class a value of {@code type} is an instance of: {@code List} for {@code List<String>}. */
  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?>) {
      return (Class<?>) type;
    }
    if (type instanceof ParameterizedType) {
      return rawClass(((ParameterizedType) type).getRawType());
    }
    return Object.class;
  }
}
