package io.hermescache.internal.plan;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A check of a generic type that looks through to the classes its values hold: a type variable or wildcard
 * by its bound, an array by its component type, a collection, map or {@code Optional} by its type arguments.
 * The check of one class may walk the types inside it (components, properties) with the same walk, which
 * judges each class once, so recursive types end.
 */
final class TypeWalk {

  /** Why values of one class fail a check, or {@code null} if they pass. */
  interface ClassCheck {
    String whyNot(Class<?> type, TypeWalk walk);
  }

  private final ClassCheck check;
  private final Set<Class<?>> seen = new HashSet<>();

  private TypeWalk(ClassCheck check) {
    this.check = check;
  }

  /** The first reason {@code check} gives for a class that values of {@code type} hold, or {@code null}. */
  static String whyNot(Type type, ClassCheck check) {
    return new TypeWalk(check).whyNot(type);
  }

  /** The first reason for {@code type}, within this walk. */
  String whyNot(Type type) {
    if (type instanceof TypeVariable<?>) {
      return whyNot(((TypeVariable<?>) type).getBounds()[0]);
    }
    if (type instanceof WildcardType) {
      return whyNot(((WildcardType) type).getUpperBounds()[0]);
    }
    if (type instanceof GenericArrayType) {
      return whyNot(((GenericArrayType) type).getGenericComponentType());
    }
    if (type instanceof ParameterizedType) {
      Class<?> raw = Generics.raw(type);
      if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw == Optional.class) {
        for (Type argument : ((ParameterizedType) type).getActualTypeArguments()) {
          String why = whyNot(argument);
          if (why != null) {
            return why;
          }
        }
        return null;
      }
      return check.whyNot(raw, this);
    }
    return type instanceof Class<?> ? check.whyNot((Class<?>) type, this) : null;
  }

  /** Whether this walk meets {@code type} for the first time (a class met again was, or is being, judged). */
  boolean firstVisit(Class<?> type) {
    return seen.add(type);
  }
}
