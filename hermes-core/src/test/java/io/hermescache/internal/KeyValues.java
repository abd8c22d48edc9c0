package io.hermescache.internal;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Generated argument values of every keyable type, from a seed: the same seed gives equal values (new
 * instances, collections of other classes and orders), and {@link #canonical} says when two values are equal
 * as keys must see them.
 */
public final class KeyValues {

  public enum Colour {
    RED { @Override public String toString() { return "colour"; } },
    GREEN { @Override public String toString() { return "colour"; } }
  }

  public record Point(int x, long y) {}

  public record Labelled(String label, Object content) {}

  public static class Address {
    private String city;
    private int zip;

    public Address() {}

    Address(String city, int zip) {
      this.city = city;
      this.zip = zip;
    }

    public String getCity() {
      return city;
    }

    public void setCity(String city) {
      this.city = city;
    }

    public int getZip() {
      return zip;
    }

    public void setZip(int zip) {
      this.zip = zip;
    }
  }

  private KeyValues() {}

  /** The value of {@code seed}; {@code variant} picks other collection classes and orders for the same value. */
  public static Object value(long seed, int variant) {
    return value(new Random(seed), 0, new Random(seed * 31 + variant));
  }

  private static Object value(Random random, int depth, Random variant) {
    int kinds = depth >= 3 ? 21 : 29;
    switch (random.nextInt(kinds)) {
      case 0: return null;
      case 1: return random.nextInt(5) - 2;
      case 2: return (long) (random.nextInt(5) - 2);
      case 3: return (short) random.nextInt(3);
      case 4: return (byte) random.nextInt(3);
      case 5: return (char) ('a' + random.nextInt(3));
      case 6: return random.nextBoolean();
      case 7: return new float[] {0f, -0f, Float.NaN, 1.5f}[random.nextInt(4)];
      case 8: return new double[] {0d, -0d, Double.NaN, 1.5d, 1d}[random.nextInt(5)];
      case 9: return text(random);
      case 10: return BigInteger.valueOf(random.nextInt(3)).shiftLeft(random.nextInt(70));
      case 11: return BigDecimal.valueOf(random.nextInt(3), random.nextInt(3));
      case 12: return new UUID(random.nextInt(2), random.nextInt(2));
      case 13: return random.nextBoolean() ? TimeUnit.values()[random.nextInt(3)] : Colour.values()[random.nextInt(2)];
      case 14: return time(random);
      case 15: return URI.create("urn:x:" + random.nextInt(3));
      case 16: {
        BitSet bits = new BitSet();
        bits.set(random.nextInt(3) * 50);
        return bits;
      }
      case 17: return random.nextBoolean() ? OptionalInt.of(random.nextInt(2)) : OptionalLong.of(random.nextInt(2));
      case 18: return random.nextBoolean() ? new int[random.nextInt(2)] : new char[] {"a\uD800".charAt(random.nextInt(2))};
      case 19: return new long[random.nextInt(2)];
      case 20: return new Point(random.nextInt(2), random.nextInt(2));
      case 21: return new Address(text(random), random.nextInt(2));
      case 22: return new Labelled(text(random), value(random, depth + 1, variant));
      case 23: return list(random, depth, variant);
      case 24: return set(random, depth, variant);
      case 25: return map(random, depth, variant);
      case 26: return random.nextBoolean() ? Optional.empty() : Optional.ofNullable(value(random, depth + 1, variant));
      case 27: {
        Object[] items = random.nextBoolean() ? new String[random.nextInt(3)] : new Object[random.nextInt(3)];
        for (int i = 0; i < items.length; i++) {
          items[i] = items instanceof String[] ? text(random) : value(random, depth + 1, variant);
        }
        return items;
      }
      default: {
        // one sub-list reused: sharing must not change the key
        List<Object> shared = list(random, depth + 1, variant);
        return variant.nextBoolean() ? List.of(shared, shared) : List.of(shared, list(copy(shared)));
      }
    }
  }

  private static List<Object> copy(List<Object> list) {
    return new ArrayList<>(list);
  }

  private static List<Object> list(List<Object> items) {
    return new LinkedList<>(items);
  }

  private static String text(Random random) {
    String[] parts = {"", "a", "b", "\uD800", "\uDC00", "?", "é", "\uD83D\uDD11", "\u0000"};
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(3); i > 0; i--) {
      text.append(parts[random.nextInt(parts.length)]);
    }
    return text.toString();
  }

  private static Object time(Random random) {
    switch (random.nextInt(10)) {
      case 0: return Instant.ofEpochSecond(random.nextInt(2), random.nextInt(2));
      case 1: return LocalDate.of(2020, 1, 1 + random.nextInt(2));
      case 2: return LocalDateTime.of(2020, 1, 1, random.nextInt(2), 0);
      case 3: return Duration.ofSeconds(random.nextInt(2));
      case 4: return LocalTime.of(random.nextInt(2), 0);
      case 5: return OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(random.nextInt(2)));
      case 6: return Period.ofDays(random.nextInt(2));
      case 7: return Year.of(2020 + random.nextInt(2));
      case 8: return random.nextBoolean() ? ZoneOffset.ofHours(random.nextInt(2)) : ZoneId.of("Europe/Paris");
      default: return ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneId.of(random.nextBoolean() ? "UTC" : "Z"));
    }
  }

  private static List<Object> list(Random random, int depth, Random variant) {
    List<Object> items = variant.nextBoolean() ? new ArrayList<>() : new LinkedList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      items.add(value(random, depth + 1, variant));
    }
    return items;
  }

  private static Set<Object> set(Random random, int depth, Random variant) {
    List<Object> items = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      items.add(random.nextInt(4));
    }
    if (variant.nextBoolean()) {
      java.util.Collections.reverse(items);
    }
    return variant.nextBoolean() ? new HashSet<>(items) : new LinkedHashSet<>(items);
  }

  private static Map<Object, Object> map(Random random, int depth, Random variant) {
    List<Object[]> entries = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      String key = text(random);
      Object value = value(random, depth + 1, variant);
      if (keys.add(key)) {
        entries.add(new Object[] {key, value});
      }
    }
    if (variant.nextBoolean()) {
      java.util.Collections.reverse(entries);
    }
    Map<Object, Object> map = variant.nextBoolean() ? new LinkedHashMap<>() : new HashMap<>();
    for (Object[] entry : entries) {
      map.put(entry[0], entry[1]);
    }
    return map;
  }

  /** What two values share exactly when they are equal as keys must see them. */
  public static Object canonical(Object value) {
    if (value == null) {
      return "null";
    }
    if (value.getClass().isArray()) {
      List<Object> items = new ArrayList<>(List.of("array", value.getClass().getComponentType().getName()));
      for (int i = 0; i < Array.getLength(value); i++) {
        items.add(canonical(Array.get(value, i)));
      }
      return items;
    }
    if (value instanceof List<?>) {
      List<Object> items = new ArrayList<>(List.of("list"));
      ((List<?>) value).forEach(item -> items.add(canonical(item)));
      return items;
    }
    if (value instanceof Set<?>) {
      Set<Object> items = new HashSet<>();
      ((Set<?>) value).forEach(item -> items.add(canonical(item)));
      return List.of("set", items);
    }
    if (value instanceof Map<?, ?>) {
      Map<Object, Object> items = new HashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> items.put(canonical(k), canonical(v)));
      return List.of("map", items);
    }
    if (value instanceof Optional<?>) {
      return List.of("optional", canonical(((Optional<?>) value).orElse(null)));
    }
    if (value instanceof Enum<?>) {
      return List.of("enum", ((Enum<?>) value).getDeclaringClass().getName(), ((Enum<?>) value).name());
    }
    if (value instanceof Record) {
      List<Object> items = new ArrayList<>(List.of("record", value.getClass().getName()));
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        try {
          items.add(canonical(component.getAccessor().invoke(value)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return items;
    }
    if (value instanceof Address) {
      return List.of("address", ((Address) value).city, ((Address) value).zip);
    }
    if (value instanceof BitSet || value instanceof String) {
      return List.of(value.getClass().getName(), value);
    }
    if (value instanceof ZonedDateTime) {
      return List.of("zoned", value.toString());
    }
    return List.of(value.getClass().getName(), value);
  }

  /** Prints {@code RESULT seed hash} for seeds 0 to the first argument: the keys of another JVM. */
  public static void main(String[] arguments) {
    int count = Integer.parseInt(arguments[0]);
    Class<?>[] types = {Object.class};
    for (int seed = 0; seed < count; seed++) {
      System.out.println("RESULT " + seed + " " + ArgumentHash.of(types, new Object[] {value(seed, 0)}));
    }
  }
}
