package io.hermescache.internal.plan;

import io.hermescache.internal.BeanProperties;
import io.hermescache.internal.ArgumentHash;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the default key can tell a parameter's values apart, judged at deployment from its declared
 * (generic) type: scalars, enums, records, arrays, collections, maps and {@code Optional} of keyable types,
 * beans whose every field a property reads, and {@code Object} (keyed by each argument's runtime class).
 * Interfaces and abstract classes other than those are refused, unless sealed with keyable subclasses.
 */
final class KeyTypes {

  private KeyTypes() {}

  /** Why values of {@code type} could share a key, or {@code null} if they cannot. */
  static String whyNotKeyable(Type type) {
    return whyNot(type, new HashSet<>());
  }

  private static String whyNot(Type type, Set<Class<?>> seen) {
    if (type instanceof TypeVariable<?>) {
      return whyNot(((TypeVariable<?>) type).getBounds()[0], seen);
    }
    if (type instanceof WildcardType) {
      return whyNot(((WildcardType) type).getUpperBounds()[0], seen);
    }
    if (type instanceof GenericArrayType) {
      return whyNot(((GenericArrayType) type).getGenericComponentType(), seen);
    }
    if (type instanceof ParameterizedType) {
      Class<?> raw = Generics.raw(type);
      if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw == Optional.class) {
        for (Type argument : ((ParameterizedType) type).getActualTypeArguments()) {
          String why = whyNot(argument, seen);
          if (why != null) {
            return why;
          }
        }
        return null;
      }
      return whyNot(raw, seen);
    }
    return type instanceof Class<?> ? whyNotClass((Class<?>) type, seen) : null;
  }

  private static String whyNotClass(Class<?> type, Set<Class<?>> seen) {
    if (type == Object.class || ArgumentHash.isScalar(type) || Collection.class.isAssignableFrom(type)
        || Map.class.isAssignableFrom(type) || type == Optional.class || !seen.add(type)) {
      return null;
    }
    if (type.isArray()) {
      return whyNot(type.getComponentType(), seen);
    }
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        String why = whyNot(component.getGenericType(), seen);
        if (why != null) {
          return why;
        }
      }
      return null;
    }
    if (type.isSealed()) {
      for (Class<?> subclass : type.getPermittedSubclasses()) {
        String why = whyNot(subclass, seen);
        if (why != null) {
          return why;
        }
      }
      return null;
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      return type.getName() + " is " + (type.isInterface() ? "an interface" : "an abstract class")
          + ", so the key cannot know which state of its implementations tells values apart";
    }
    String why = BeanProperties.whyNotKeyable(type);
    if (why != null) {
      return why;
    }
    for (BeanProperties.Property property : BeanProperties.readable(type)) {
      why = whyNot(property.type(), seen);
      if (why != null) {
        return why;
      }
    }
    return null;
  }
}
