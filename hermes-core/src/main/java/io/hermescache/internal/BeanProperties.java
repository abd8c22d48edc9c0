package io.hermescache.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The properties JSON-B sees on a class (public getters {@code getX()} / {@code isX()}, public setters,
 * public fields) compared with the state the class really keeps (its instance fields). A key built from
 * properties is trustworthy only when every field is read by one; a value comes back equal only when its
 * state can be both read and written.
 */
public final class BeanProperties {

  /** One property: its name, the member that reads it (a getter or a field), and its generic type. */
  public record Property(String name, Member reader, Type type) {}

  private static final int NAMES_SHOWN = 5;

  private BeanProperties() {}

  /** The readable properties of {@code type}, sorted by name so that keys do not depend on reflection order. */
  public static List<Property> readable(Class<?> type) {
    TreeMap<String, Property> properties = new TreeMap<>();
    for (Field field : type.getFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        properties.put(field.getName(), new Property(field.getName(), field, field.getGenericType()));
      }
    }
    for (Method method : type.getMethods()) {
      String name = getterProperty(method);
      if (name != null) {
        properties.put(name, new Property(name, method, method.getGenericReturnType()));
      }
    }
    return new ArrayList<>(properties.values());
  }

  /** Names of the properties of {@code type} a public setter or a public non-final field writes. */
  public static Set<String> writable(Class<?> type) {
    Set<String> names = new LinkedHashSet<>();
    for (Field field : type.getFields()) {
      if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())) {
        names.add(field.getName());
      }
    }
    for (Method method : type.getMethods()) {
      if (!Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 1
          && method.getName().length() > 3 && method.getName().startsWith("set")) {
        names.add(decapitalise(method.getName().substring(3)));
      }
    }
    return names;
  }

  /**
   * Why values of {@code type} cannot be told apart by their readable properties, or {@code null} if they can:
   * it has none, or it keeps state in an instance field no property reads (a private field, or a field
   * exposed only through record-style accessors such as {@code from()}).
   */
  public static String whyNotKeyable(Class<?> type) {
    Set<String> readable = readable(type).stream().map(Property::name).collect(Collectors.toSet());
    List<String> hidden = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()
            && !readable.contains(field.getName())) {
          hidden.add(field.getName());
        }
      }
    }
    if (readable.isEmpty() && hidden.isEmpty()) {
      return type.getName() + " has no readable state (no public getter or field), so all its values would share one key";
    }
    if (hidden.isEmpty()) {
      return null;
    }
    String why = type.getName() + " keeps state in fields that no public getter or field reads (" + names(hidden) + ")";
    List<String> accessors = hidden.stream().filter(name -> hasAccessor(type, name)).map(name -> name + "()")
        .collect(Collectors.toList());
    if (!accessors.isEmpty()) {
      why += "; its accessor-style methods " + names(accessors) + " are not getters, so JSON-B does not read them";
    }
    return why;
  }

  /** The JSON-B property a public getter reads, or {@code null} if {@code method} is not one. */
  static String getterProperty(Method method) {
    if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0
        || method.getReturnType() == void.class || method.getDeclaringClass() == Object.class) {
      return null;
    }
    String name = method.getName();
    if (name.startsWith("get") && name.length() > 3) {
      return decapitalise(name.substring(3));
    }
    boolean bool = method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class;
    return bool && name.startsWith("is") && name.length() > 2 ? decapitalise(name.substring(2)) : null;
  }

  private static boolean hasAccessor(Class<?> type, String name) {
    try {
      Method method = type.getMethod(name);
      return method.getReturnType() != void.class && !Modifier.isStatic(method.getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static String decapitalise(String name) {
    return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
  }

  private static String names(List<String> names) {
    String shown = names.stream().limit(NAMES_SHOWN).collect(Collectors.joining(", "));
    return names.size() > NAMES_SHOWN ? shown + ", …" : shown;
  }
}
