package io.hermescache.internal;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Java native serialisation, opted into with {@code hermes.serialiser = java}, for values JSON-B cannot
 * round-trip. It reads only the classes of an allow-list ({@code hermes.serialiser.allow}, required): a
 * payload naming any other class is refused before that class is loaded, so a payload planted under a key
 * cannot run a deserialisation gadget. The refusal makes the entry a miss, which is then overwritten.
 */
public final class JavaSerialiser implements Serialiser {

  static final String ALLOW_KEY = JavaAllowList.KEY;

  /**
   * Bounds a payload's graph, so that a crafted one cannot exhaust memory or stack either: an array (or the
   * size an {@code ArrayList} or {@code HashMap} claims) of at most a million elements, so no claimed length
   * allocates gigabytes; a million references; 64 MiB; 32 levels.
   */
  static final String LIMITS = "maxarray=1000000;maxrefs=1000000;maxbytes=67108864;maxdepth=32";
  /**
   * Deepest level of a graph that holds a set or map: nested hash sets cost time exponential in their depth
   * to rebuild (24 levels of a 1.4 KB payload take a second, 60 levels hours), so they are kept shallow.
   */
  static final int MAX_HASHED_DEPTH = 16;

  private final ObjectInputFilter filter;

  /**
   * @param allowList {@link ObjectInputFilter} patterns separated by {@code ;} naming what may be read, e.g.
   *     {@code java.lang.*;java.util.*;com.example.model.*}; everything else is rejected
   * @throws io.hermescache.HermesConfigurationException naming {@code hermes.serialiser.allow} and the bad pattern
   */
  public JavaSerialiser(String allowList) {
    List<String> patterns = JavaAllowList.patterns(allowList);
    String refusedGadgets = JavaAllowList.GADGET_ENTRY_POINTS.stream().map(name -> "!" + name).collect(Collectors.joining(";"));
    filter = ObjectInputFilter.Config.createFilter(LIMITS + ";" + refusedGadgets + ";" + String.join(";", patterns) + ";!*");
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
      in.setObjectInputFilter(new ShallowHashing(filter));
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

  /**
   * The allow-list and limits, and one more rule that needs the history of one stream: once a set or map
   * has appeared, the graph may not go deeper than {@link #MAX_HASHED_DEPTH}. Later instances of a class
   * refer to its descriptor and reach a filter without their class, hence the state.
   */
  private static final class ShallowHashing implements ObjectInputFilter {
    private final ObjectInputFilter patterns;
    private boolean hashed;

    ShallowHashing(ObjectInputFilter patterns) {
      this.patterns = patterns;
    }

    @Override
    public Status checkInput(FilterInfo info) {
      Status status = patterns.checkInput(info);
      if (status == Status.REJECTED) {
        return status;
      }
      Class<?> type = info.serialClass();
      if (type != null && (Map.class.isAssignableFrom(type) || Set.class.isAssignableFrom(type))) {
        hashed = true;
      }
      return hashed && info.depth() > MAX_HASHED_DEPTH ? Status.REJECTED : status;
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
