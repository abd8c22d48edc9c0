package io.hermescache.internal.plan;

import io.hermescache.internal.ArgumentHash;
import io.hermescache.internal.BeanProperties;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a cached value of a declared (generic) type comes back from JSON-B equal to what was stored,
 * judged at deployment: JSON-B reads a value as the declared type says, so {@code Object} comes back as a
 * map, {@code Number} as a {@code BigDecimal}, a {@code Dog} returned as {@code Animal} as a plain
 * {@code Animal} (unless {@code @JsonbTypeInfo} names the subtypes), and a class whose state JSON-B cannot
 * both read and write as a default-constructed instance.
 */
final class ValueTypes {

  /** Mutiny's types, known by name only: the core does not depend on Mutiny. A Multi is the integration's to refuse. */
  private static final String UNI = "io.smallrye.mutiny.Uni";
  private static final String MULTI = "io.smallrye.mutiny.Multi";
  private static final Set<Class<?>> NOT_JSON = Set.of(Class.class, BitSet.class);

  private ValueTypes() {}

  /** {@code T} of Mutiny's {@code Uni<T>}, whose item is what is cached; other types as they are. */
  static Type itemType(Type type) {
    return Generics.raw(type).getName().equals(UNI) ? Generics.typeArgument(type, 0) : type;
  }

  /** Why a value of {@code type} would not come back equal, or {@code null} if it would. */
  static String whyNotReadBack(Type type) {
    return Generics.raw(type).getName().equals(MULTI) ? null : TypeWalk.whyNot(type, ValueTypes::whyNotClass);
  }

  private static String whyNotClass(Class<?> type, TypeWalk walk) {
    if (type == Object.class) {
      return "java.lang.Object tells JSON-B nothing, so a value is read back as a Map, a List, a BigDecimal or a String";
    }
    if (NOT_JSON.contains(type)) {
      return type.getName() + " is not a type JSON-B reads and writes";
    }
    if (type.isPrimitive() || ArgumentHash.isScalar(type) || !walk.firstVisit(type)) {
      return null;
    }
    if (type.isArray()) {
      return walk.whyNot(type.getComponentType());
    }
    if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type) || type == Optional.class) {
      return type.getName() + " is a raw type, so its elements are read back as JSON-B guesses (maps, BigDecimals);"
          + " declare the element type";
    }
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        String why = walk.whyNot(component.getGenericType());
        if (why != null) {
          return why;
        }
      }
      return null;
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      return type.isAnnotationPresent(JsonbTypeInfo.class) ? null : type.getName() + " is "
          + (type.isInterface() ? "an interface" : "an abstract class") + " without @JsonbTypeInfo, so JSON-B cannot"
          + " tell which class to read a value back as";
    }
    String why = whyNotBean(type);
    if (why != null) {
      return why;
    }
    for (BeanProperties.Property property : BeanProperties.readable(type)) {
      why = walk.whyNot(property.type());
      if (why != null) {
        return why;
      }
    }
    return null;
  }

  private static String whyNotBean(Class<?> type) {
    boolean creator = Arrays.stream(type.getDeclaredConstructors()).anyMatch(c -> c.isAnnotationPresent(JsonbCreator.class))
        || Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> Modifier.isStatic(m.getModifiers())
            && m.isAnnotationPresent(JsonbCreator.class));
    if (!creator && !hasNoArgumentConstructor(type)) {
      return type.getName() + " has neither a public or protected no-argument constructor nor a @JsonbCreator,"
          + " so JSON-B cannot create it";
    }
    Set<String> readable = BeanProperties.readable(type).stream().map(BeanProperties.Property::name)
        .collect(Collectors.toSet());
    Set<String> written = creator ? readable : BeanProperties.writable(type);
    if (readable.stream().noneMatch(written::contains)) {
      return type.getName() + " has no state JSON-B can both read and write (a public getter with its setter, or a"
          + " public field), so a value would be read back as a default-constructed instance";
    }
    return null;
  }

  private static boolean hasNoArgumentConstructor(Class<?> type) {
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      int modifiers = constructor.getModifiers();
      if (constructor.getParameterCount() == 0 && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers))) {
        return true;
      }
    }
    return false;
  }
}
