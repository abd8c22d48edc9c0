package io.hermescache.internal.plan;

import io.hermescache.HermesException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A key or tag template compiled against one method's parameters: literal text with references in
 * braces, {@code {name}} (a parameter by name), {@code {0}} (a parameter by index) and
 * {@code {name.property.sub}} (a record component, getter or public field of the value, step by step).
 *
 * <p>Every reference is checked when the template is compiled, against the declared (generic-resolved)
 * parameter types, and turned into method handles; rendering does no reflective lookup. A {@code null}
 * anywhere along a path renders as {@code null}.
 */
public final class Template {

  private static final MethodType READER = MethodType.methodType(Object.class, Object.class);

  private final String source;
  /** Literal text around the references: {@code literals[i]} precedes {@code references[i]}; one more literal ends it. */
  private final String[] literals;
  private final Reference[] references;

  private Template(String source, String[] literals, Reference[] references) {
    this.source = source;
    this.literals = literals;
    this.references = references;
  }

  /**
   * Compiles {@code source} for calls of {@code method}.
   *
   * @param parameterTypes the method's parameter types as seen from the bean class (type variables resolved)
   * @throws IllegalArgumentException naming the template and what is wrong with it
   */
  public static Template compile(String source, Method method, Type[] parameterTypes) {
    List<String> literals = new ArrayList<>();
    List<Reference> references = new ArrayList<>();
    int start = 0;
    while (true) {
      int open = source.indexOf('{', start);
      int strayClose = source.indexOf('}', start);
      if (strayClose >= 0 && (open < 0 || strayClose < open)) {
        throw problem(source, "has a '}' without a matching '{' at position " + strayClose);
      }
      if (open < 0) {
        literals.add(source.substring(start));
        break;
      }
      int close = source.indexOf('}', open);
      if (close < 0) {
        throw problem(source, "has a '{' without a matching '}' at position " + open);
      }
      literals.add(source.substring(start, open));
      references.add(Reference.compile(source, source.substring(open + 1, close), method, parameterTypes));
      start = close + 1;
    }
    return new Template(source, literals.toArray(String[]::new), references.toArray(Reference[]::new));
  }

  /** The template as written. */
  public String source() {
    return source;
  }

  /** Whether the template renders the same text for every call. */
  public boolean isConstant() {
    return references.length == 0;
  }

  /** The template with the values of {@code arguments} filled in. */
  public String render(Object[] arguments) {
    if (references.length == 0) {
      return literals[0];
    }
    StringBuilder out = new StringBuilder(literals[0]);
    for (int i = 0; i < references.length; i++) {
      out.append(references[i].read(arguments)).append(literals[i + 1]);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return source;
  }

  static IllegalArgumentException problem(String source, String what) {
    return new IllegalArgumentException("template \"" + source + "\" " + what);
  }

  /** One {@code {...}} of a template: a parameter and the properties read from it in turn. */
  private static final class Reference {

    private final String text;
    private final int parameter;
    private final MethodHandle[] properties;

    private Reference(String text, int parameter, MethodHandle[] properties) {
      this.text = text;
      this.parameter = parameter;
      this.properties = properties;
    }

    static Reference compile(String source, String text, Method method, Type[] parameterTypes) {
      String[] path = text.split("\\.", -1);
      if (Arrays.stream(path).anyMatch(String::isBlank)) {
        throw problem(source, "has an empty reference {" + text + "}; write {name}, {0} or {name.property}");
      }
      int parameter = parameterIndex(source, path[0].trim(), method);
      Class<?> type = Generics.raw(parameterTypes[parameter]);
      MethodHandle[] properties = new MethodHandle[path.length - 1];
      for (int i = 1; i < path.length; i++) {
        Property property = Property.find(type, path[i].trim());
        if (property == null) {
          throw problem(source, "reads \"" + path[i].trim() + "\" of " + type.getName() + " in {" + text
              + "}, which has no such property (record component, getter get/is" + capitalise(path[i].trim())
              + "(), accessor or public field)");
        }
        properties[i - 1] = property.reader;
        type = property.type;
      }
      return new Reference(text, parameter, properties);
    }

    private static int parameterIndex(String source, String name, Method method) {
      Parameter[] parameters = method.getParameters();
      if (name.chars().allMatch(Character::isDigit)) {
        int index = Integer.parseInt(name);
        if (index >= parameters.length) {
          throw problem(source, "refers to parameter {" + index + "}, but the method has " + parameters.length
              + " parameter" + (parameters.length == 1 ? "" : "s") + " (indexes start at 0)");
        }
        return index;
      }
      if (parameters.length > 0 && !parameters[0].isNamePresent()) {
        throw problem(source, "refers to parameter \"" + name + "\" by name, but " + method.getDeclaringClass().getName()
            + " was compiled without -parameters, so parameter names are not known; compile with -parameters"
            + " (maven-compiler-plugin <parameters>true</parameters>) or refer to the parameter by index, e.g. {0}");
      }
      for (int i = 0; i < parameters.length; i++) {
        if (parameters[i].getName().equals(name)) {
          return i;
        }
      }
      throw problem(source, "refers to parameter \"" + name + "\", which the method does not have (parameters: "
          + (parameters.length == 0 ? "none" : Arrays.stream(parameters).map(Parameter::getName)
              .collect(Collectors.joining(", "))) + ")");
    }

    Object read(Object[] arguments) {
      Object value = arguments[parameter];
      try {
        for (int i = 0; i < properties.length && value != null; i++) {
          value = (Object) properties[i].invokeExact(value);
        }
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new HermesException("Cannot read {" + text + "} for a cache key or tag: " + e, e);
      }
      return value;
    }
  }

  /** How to read one named property of a type, and the type of what it returns. */
  private static final class Property {

    final MethodHandle reader;
    final Class<?> type;

    private Property(MethodHandle reader, Class<?> type) {
      this.reader = reader.asType(READER);
      this.type = type;
    }

    /** Record component, getter, {@code is}-getter of a boolean, plain accessor, public field; in that order. */
    static Property find(Class<?> owner, String name) {
      if (owner.isRecord()) {
        for (RecordComponent component : owner.getRecordComponents()) {
          if (component.getName().equals(name)) {
            return of(component.getAccessor());
          }
        }
      }
      Method getter = accessor(owner, "get" + capitalise(name));
      if (getter == null) {
        Method is = accessor(owner, "is" + capitalise(name));
        getter = is != null && (is.getReturnType() == boolean.class || is.getReturnType() == Boolean.class) ? is : null;
      }
      if (getter == null) {
        getter = accessor(owner, name);
      }
      if (getter != null) {
        return of(getter);
      }
      try {
        Field field = owner.getField(name);
        if (!Modifier.isStatic(field.getModifiers())) {
          field.trySetAccessible();
          return new Property(MethodHandles.lookup().unreflectGetter(field), field.getType());
        }
      } catch (NoSuchFieldException | IllegalAccessException e) {
        // no usable field: the caller reports the property as missing
      }
      return null;
    }

    private static Method accessor(Class<?> owner, String name) {
      try {
        Method method = owner.getMethod(name);
        return method.getReturnType() == void.class || Modifier.isStatic(method.getModifiers()) ? null : method;
      } catch (NoSuchMethodException e) {
        return null;
      }
    }

    private static Property of(Method method) {
      // public methods of non-public classes (a package-private record, say) need the override
      method.trySetAccessible();
      try {
        return new Property(MethodHandles.lookup().unreflect(method), method.getReturnType());
      } catch (IllegalAccessException e) {
        return null;
      }
    }
  }

  private static String capitalise(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
