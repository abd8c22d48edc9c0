package io.hermescache.internal;

import java.lang.reflect.Type;
import java.util.Map;

/** Small helpers on reflected types. */
public final class Types {

  private static final Map<Class<?>, Class<?>> BOXES = Map.of(boolean.class, Boolean.class, byte.class,
      Byte.class, short.class, Short.class, char.class, Character.class, int.class, Integer.class, long.class,
      Long.class, float.class, Float.class, double.class, Double.class);
  private static final Map<Class<?>, Object> ZEROS = Map.of(boolean.class, false, byte.class, (byte) 0,
      short.class, (short) 0, char.class, (char) 0, int.class, 0, long.class, 0L, float.class, 0f, double.class,
      0d);

  private Types() {}

  /** The wrapper class of a primitive type; other types as they are. */
  public static Type boxed(Type type) {
    return type instanceof Class<?> && ((Class<?>) type).isPrimitive() ? BOXES.get(type) : type;
  }

  /** What a method returning {@code type} returns when its body is skipped: zero, false or null. */
  public static Object defaultValue(Class<?> type) {
    return ZEROS.get(type);
  }
}
