package io.hermescache.internal;

import io.hermescache.HermesException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * How the values of one runtime class are written into a key: worked out once per class (a {@link ClassValue}),
 * so that hashing a call does no reflective lookup. Each kind has its own tag, so values of different types
 * never share bytes ({@code 1} and {@code 1L}, {@code int[0]} and {@code long[0]}, a list and a set).
 */
abstract class KeyEncoder {

  /** The {@code java.time} classes keyed by their ISO-8601 text (their {@code toString()}, which {@code parse} inverts). */
  private static final Set<String> TIME = Set.of("java.time.Instant", "java.time.LocalDate", "java.time.LocalTime",
      "java.time.LocalDateTime", "java.time.OffsetTime", "java.time.OffsetDateTime", "java.time.ZonedDateTime",
      "java.time.Duration", "java.time.Period", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay");

  private static final ClassValue<KeyEncoder> BY_CLASS = new ClassValue<>() {
    @Override
    protected KeyEncoder computeValue(Class<?> type) {
      return create(type);
    }
  };

  private final boolean composite;

  private KeyEncoder(boolean composite) {
    this.composite = composite;
  }

  /** The encoder of values whose runtime class is {@code type}. */
  static KeyEncoder of(Class<?> type) {
    return BY_CLASS.get(type);
  }

  /**
   * Whether values of {@code type} are keyed as single values (no parts of their own): primitives and their
   * boxes, {@code String}, enums, {@code BigDecimal}, {@code BigInteger}, {@code UUID}, {@code java.time},
   * {@code URI}, {@code Class}, {@code BitSet}, the primitive {@code Optional}s.
   */
  static boolean isScalar(Class<?> type) {
    return type.isPrimitive() || SCALARS.containsKey(type) || Enum.class.isAssignableFrom(type)
        || TIME.contains(type.getName()) || ZoneId.class.isAssignableFrom(type);
  }

  /** Whether values of this class contain other values (and are written as a digest when nested). */
  final boolean composite() {
    return composite;
  }

  abstract void encode(Object value, KeyWriter out);

  private static KeyEncoder leaf(Writer writer) {
    return new KeyEncoder(false) {
      @Override
      void encode(Object value, KeyWriter out) {
        writer.write(value, out);
      }
    };
  }

  private static KeyEncoder composite(Writer writer) {
    return new KeyEncoder(true) {
      @Override
      void encode(Object value, KeyWriter out) {
        writer.write(value, out);
      }
    };
  }

  @FunctionalInterface
  interface Writer {
    void write(Object value, KeyWriter out);
  }

  private static final Map<Class<?>, KeyEncoder> SCALARS = Map.ofEntries(
      Map.entry(String.class, leaf((v, out) -> { out.tag('s'); out.text((String) v); })),
      Map.entry(Integer.class, leaf((v, out) -> { out.tag('I'); out.int32((Integer) v); })),
      Map.entry(Long.class, leaf((v, out) -> { out.tag('J'); out.int64((Long) v); })),
      Map.entry(Short.class, leaf((v, out) -> { out.tag('S'); out.int32((Short) v); })),
      Map.entry(Byte.class, leaf((v, out) -> { out.tag('B'); out.int32((Byte) v); })),
      Map.entry(Character.class, leaf((v, out) -> { out.tag('C'); out.int32((Character) v); })),
      Map.entry(Boolean.class, leaf((v, out) -> { out.tag('Z'); out.int32((Boolean) v ? 1 : 0); })),
      // floatToIntBits / doubleToLongBits: one NaN, and 0.0 apart from -0.0, exactly as equals() sees them
      Map.entry(Float.class, leaf((v, out) -> { out.tag('F'); out.int32(Float.floatToIntBits((Float) v)); })),
      Map.entry(Double.class, leaf((v, out) -> { out.tag('D'); out.int64(Double.doubleToLongBits((Double) v)); })),
      Map.entry(BigInteger.class, leaf((v, out) -> { out.tag('i'); out.block(((BigInteger) v).toByteArray()); })),
      // by unscaled value and scale, as BigDecimal.equals: 1.0 and 1.00 are different keys
      Map.entry(BigDecimal.class, leaf((v, out) -> {
        out.tag('d');
        out.int32(((BigDecimal) v).scale());
        out.block(((BigDecimal) v).unscaledValue().toByteArray());
      })),
      Map.entry(UUID.class, leaf((v, out) -> {
        out.tag('u');
        out.int64(((UUID) v).getMostSignificantBits());
        out.int64(((UUID) v).getLeastSignificantBits());
      })),
      Map.entry(URI.class, leaf((v, out) -> { out.tag('r'); out.text(v.toString()); })),
      Map.entry(Class.class, leaf((v, out) -> { out.tag('c'); out.text(((Class<?>) v).getName()); })),
      Map.entry(BitSet.class, leaf((v, out) -> {
        long[] words = ((BitSet) v).toLongArray();
        out.tag('b');
        out.int32(words.length);
        for (long word : words) {
          out.int64(word);
        }
      })),
      Map.entry(OptionalInt.class, leaf((v, out) -> {
        out.tag('o');
        out.int32(((OptionalInt) v).isPresent() ? 1 : 0);
        out.int32(((OptionalInt) v).orElse(0));
      })),
      Map.entry(OptionalLong.class, leaf((v, out) -> {
        out.tag('l');
        out.int32(((OptionalLong) v).isPresent() ? 1 : 0);
        out.int64(((OptionalLong) v).orElse(0));
      })),
      Map.entry(OptionalDouble.class, leaf((v, out) -> {
        out.tag('g');
        out.int32(((OptionalDouble) v).isPresent() ? 1 : 0);
        out.int64(Double.doubleToLongBits(((OptionalDouble) v).orElse(0)));
      })));

  private static KeyEncoder create(Class<?> type) {
    KeyEncoder scalar = SCALARS.get(type);
    if (scalar != null) {
      return scalar;
    }
    if (Enum.class.isAssignableFrom(type)) {
      // the declaring class, not a constant's body class; name(), never an overridable toString()
      return leaf((v, out) -> {
        out.tag('e');
        out.text(((Enum<?>) v).getDeclaringClass().getName());
        out.text(((Enum<?>) v).name());
      });
    }
    if (TIME.contains(type.getName()) || ZoneId.class.isAssignableFrom(type)) {
      String name = type.getName();
      return leaf((v, out) -> { out.tag('t'); out.text(name); out.text(v.toString()); });
    }
    if (type.isArray()) {
      return type.getComponentType().isPrimitive() ? leaf(PrimitiveArrays.writer(type)) : objectArray(type);
    }
    if (List.class.isAssignableFrom(type)) {
      return composite((v, out) -> sequence('L', (Collection<?>) v, out));
    }
    if (Set.class.isAssignableFrom(type)) {
      return composite((v, out) -> unordered('U', (Collection<?>) v, out));
    }
    if (Collection.class.isAssignableFrom(type)) {
      return composite((v, out) -> sequence('Q', (Collection<?>) v, out));
    }
    if (Map.class.isAssignableFrom(type)) {
      return composite(KeyEncoder::map);
    }
    if (Map.Entry.class.isAssignableFrom(type)) {
      return composite((v, out) -> {
        out.tag('E');
        out.value(((Map.Entry<?, ?>) v).getKey());
        out.value(((Map.Entry<?, ?>) v).getValue());
      });
    }
    if (type == Optional.class) {
      return composite((v, out) -> { out.tag('O'); out.value(((Optional<?>) v).orElse(null)); });
    }
    if (type.isRecord()) {
      RecordComponent[] components = type.getRecordComponents();
      return properties('R', type, Arrays.stream(components).map(RecordComponent::getAccessor).toArray(Method[]::new), null);
    }
    String why = BeanProperties.whyNotKeyable(type);
    if (why != null) {
      return refused(why);
    }
    List<BeanProperties.Property> properties = BeanProperties.readable(type);
    return properties('P', type, properties.stream().map(BeanProperties.Property::reader).toArray(AccessibleObject[]::new),
        properties.stream().map(BeanProperties.Property::name).toArray(String[]::new));
  }

  private static KeyEncoder objectArray(Class<?> type) {
    String component = type.getComponentType().getName();
    return composite((v, out) -> {
      Object[] items = (Object[]) v;
      out.tag('A');
      out.text(component);
      out.int32(items.length);
      for (Object item : items) {
        out.value(item);
      }
    });
  }

  private static void sequence(char tag, Collection<?> items, KeyWriter out) {
    out.tag(tag);
    out.int32(items.size());
    for (Object item : items) {
      out.value(item);
    }
  }

  /** Elements encoded one by one and sorted, so that iteration order does not matter. */
  private static void unordered(char tag, Collection<?> items, KeyWriter out) {
    List<byte[]> encoded = new ArrayList<>(items.size());
    for (Object item : items) {
      encoded.add(out.encoded(item));
    }
    write(tag, encoded, out);
  }

  private static void map(Object value, KeyWriter out) {
    Map<?, ?> map = (Map<?, ?>) value;
    List<byte[]> encoded = new ArrayList<>(map.size());
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      byte[] key = out.encoded(entry.getKey());
      byte[] item = out.encoded(entry.getValue());
      byte[] both = Arrays.copyOf(key, key.length + item.length);
      System.arraycopy(item, 0, both, key.length, item.length);
      encoded.add(both);
    }
    write('M', encoded, out);
  }

  private static void write(char tag, List<byte[]> encoded, KeyWriter out) {
    encoded.sort(Arrays::compare);
    out.tag(tag);
    out.int32(encoded.size());
    for (byte[] item : encoded) {
      out.raw(item);
    }
  }

  /** A record's components or a bean's properties, each read by a method handle made once, here. */
  private static KeyEncoder properties(char tag, Class<?> type, AccessibleObject[] readers, String[] names) {
    MethodHandle[] handles = new MethodHandle[readers.length];
    for (int i = 0; i < readers.length; i++) {
      handles[i] = handle(type, readers[i]);
    }
    String className = type.getName();
    return composite((v, out) -> {
      out.tag(tag);
      out.text(className);
      out.int32(handles.length);
      for (int i = 0; i < handles.length; i++) {
        if (names != null) {
          out.text(names[i]);
        }
        try {
          out.value((Object) handles[i].invokeExact(v));
        } catch (RuntimeException | Error e) {
          throw e;
        } catch (Throwable e) {
          throw new HermesException("Cannot read a property of a cache key argument of " + className, e);
        }
      }
    });
  }

  private static MethodHandle handle(Class<?> type, AccessibleObject reader) {
    // a public member of a non-public class (a nested record, say) needs its accessibility widened once
    reader.trySetAccessible();
    try {
      MethodHandle handle = reader instanceof Field ? MethodHandles.lookup().unreflectGetter((Field) reader)
          : MethodHandles.lookup().unreflect((Method) reader);
      return handle.asType(MethodType.methodType(Object.class, Object.class));
    } catch (IllegalAccessException e) {
      return refusingHandle(type, reader);
    }
  }

  private static MethodHandle refusingHandle(Class<?> type, AccessibleObject reader) {
    String why = reader + " of " + type.getName() + " cannot be read from outside its module";
    return MethodHandles.dropArguments(MethodHandles.throwException(Object.class, HermesException.class)
        .bindTo(new HermesException("Cannot key an argument: " + why)), 0, Object.class);
  }

  /** Values of a class that cannot be keyed: the call fails, naming the class and the ways out, never the value. */
  private static KeyEncoder refused(String why) {
    return leaf((v, out) -> {
      throw new HermesException("Cannot key an argument of " + v.getClass().getName() + ": " + why
          + ". Give the method a key template (key = \"...\"), a keyGenerator, or pass a record");
    });
  }
}
