package io.hermescache.internal.plan;

import io.hermescache.internal.BeanProperties;
import io.hermescache.internal.ArgumentHash;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

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
    return TypeWalk.whyNot(type, KeyTypes::whyNotClass);
  }

  private static String whyNotClass(Class<?> type, TypeWalk walk) {
    if (type == Object.class || ArgumentHash.isScalar(type) || Collection.class.isAssignableFrom(type)
        || Map.class.isAssignableFrom(type) || type == Optional.class || !walk.firstVisit(type)) {
      return null;
    }
    if (type.isArray()) {
      return walk.whyNot(type.getComponentType());
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
    if (type.isSealed()) {
      for (Class<?> subclass : type.getPermittedSubclasses()) {
        String why = walk.whyNot(subclass);
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
      why = walk.whyNot(property.type());
      if (why != null) {
        return why;
      }
    }
    return null;
  }
}
