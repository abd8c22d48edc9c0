package io.hermescache.internal;

import io.hermescache.HermesException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Hash of a call's parameter types and argument values, the same in every JVM: values are encoded by
 * content (never {@code hashCode()}), sets and maps independently of iteration order, records by their
 * components and other objects by their JSON-B form.
 */
public final class ArgumentHash {

  private static final int MAX_DEPTH = 32;
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
    @Override
    protected RecordComponent[] computeValue(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      for (RecordComponent component : components) {
        component.getAccessor().setAccessible(true);
      }
      return components;
    }
  };

  private final byte[] signature;

  private ArgumentHash(byte[] signature) {
    this.signature = signature;
  }

  /** The hash of calls to parameters of {@code parameterTypes}; their names are encoded once, here. */
  public static ArgumentHash forParameters(Class<?>[] parameterTypes) {
    Encoder out = new Encoder();
    for (Class<?> type : parameterTypes) {
      out.text(type.getName());
    }
    out.write('|');
    return new ArgumentHash(out.toByteArray());
  }

  /** The 22-character hash of {@code arguments} passed to parameters of {@code parameterTypes}. */
  public static String of(Class<?>[] parameterTypes, Object[] arguments) {
    return forParameters(parameterTypes).hash(arguments);
  }

  /** The 22-character hash of {@code arguments}. */
  public String hash(Object[] arguments) {
    Encoder out = new Encoder();
    out.write(signature, 0, signature.length);
    for (Object argument : arguments) {
      out.value(argument, 0);
    }
    return Keys.hash(out.toByteArray());
  }

  private static final class Encoder extends ByteArrayOutputStream {

    Encoder() {
      super(128);
    }

    void text(String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      number(bytes.length);
      write(bytes, 0, bytes.length);
    }

    void number(long value) {
      for (int shift = 56; shift >= 0; shift -= 8) {
        write((int) (value >>> shift));
      }
    }

    void value(Object value, int depth) {
      if (depth > MAX_DEPTH) {
        throw new HermesException("A cache key argument nests deeper than " + MAX_DEPTH
            + " levels (a recursive structure?); give the method a key template or a KeyGenerator");
      }
      if (value == null) {
        write('N');
      } else if (value instanceof String || value instanceof Character || value instanceof Boolean
          || value instanceof Enum<?> || value instanceof BigDecimal || value instanceof BigInteger
          || value instanceof UUID || value instanceof TemporalAccessor || value instanceof java.time.Duration
          || value instanceof URI || value instanceof Class<?>) {
        write('V');
        text(value.getClass().getName());
        text(value instanceof Class<?> ? ((Class<?>) value).getName() : value.toString());
      } else if (value instanceof Number && value.getClass().getName().startsWith("java.lang.")) {
        write('V');
        text(value.getClass().getName());
        number(value instanceof Double || value instanceof Float
            ? Double.doubleToLongBits(((Number) value).doubleValue())
            : ((Number) value).longValue());
      } else if (value instanceof CharSequence) {
        write('S');
        text(value.toString());
      } else if (value instanceof Optional<?>) {
        write('O');
        value(((Optional<?>) value).orElse(null), depth + 1);
      } else if (value.getClass().isArray()) {
        write('A');
        int length = Array.getLength(value);
        number(length);
        for (int i = 0; i < length; i++) {
          value(Array.get(value, i), depth + 1);
        }
      } else if (value instanceof Set<?>) {
        write('U');
        unordered((Set<?>) value, depth);
      } else if (value instanceof Collection<?>) {
        write('L');
        Collection<?> items = (Collection<?>) value;
        number(items.size());
        for (Object item : items) {
          value(item, depth + 1);
        }
      } else if (value instanceof Map<?, ?>) {
        write('M');
        unordered(((Map<?, ?>) value).entrySet(), depth);
      } else if (value instanceof Map.Entry<?, ?>) {
        write('E');
        value(((Map.Entry<?, ?>) value).getKey(), depth + 1);
        value(((Map.Entry<?, ?>) value).getValue(), depth + 1);
      } else if (value instanceof Record) {
        write('R');
        text(value.getClass().getName());
        for (RecordComponent component : COMPONENTS.get(value.getClass())) {
          try {
            value(component.getAccessor().invoke(value), depth + 1);
          } catch (ReflectiveOperationException e) {
            throw new HermesException("Cannot read " + component + " of a cache key argument", e);
          }
        }
      } else {
        write('J');
        text(value.getClass().getName());
        try {
          text(JSONB.toJson(value));
        } catch (RuntimeException e) {
          throw new HermesException("Cannot hash a cache key argument of " + value.getClass().getName()
              + " (JSON-B: " + e.getMessage() + "); give the method a key template or a KeyGenerator", e);
        }
      }
    }

    /** Elements encoded one by one and sorted, so that iteration order does not matter. */
    private void unordered(Collection<?> items, int depth) {
      List<byte[]> encoded = new ArrayList<>(items.size());
      for (Object item : items) {
        Encoder one = new Encoder();
        one.value(item, depth + 1);
        encoded.add(one.toByteArray());
      }
      encoded.sort(Arrays::compare);
      number(encoded.size());
      for (byte[] item : encoded) {
        write(item, 0, item.length);
      }
    }
  }
}
