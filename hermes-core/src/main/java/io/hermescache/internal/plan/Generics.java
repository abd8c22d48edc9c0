package io.hermescache.internal.plan;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The types of an inherited method as seen from a subclass: in {@code class UserRepo extends Repo<User>},
 * {@code Repo.find}'s return type {@code T} is {@code User}. The serialiser needs that type to read a
 * value back, and templates need it to find properties.
 */
final class Generics {

  private Generics() {}

  /** The type variables of {@code beanClass}'s superclasses, bound to what {@code beanClass} gives them. */
  static Map<TypeVariable<?>, Type> bindings(Class<?> beanClass) {
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
      if (type.getGenericSuperclass() instanceof ParameterizedType) {
        ParameterizedType superclass = (ParameterizedType) type.getGenericSuperclass();
        TypeVariable<?>[] variables = ((Class<?>) superclass.getRawType()).getTypeParameters();
        Type[] arguments = superclass.getActualTypeArguments();
        for (int i = 0; i < variables.length; i++) {
          bindings.put(variables[i], resolve(arguments[i], bindings));
        }
      }
    }
    return bindings;
  }

  /** {@code type} with every bound type variable replaced; unbound ones stay as they are. */
  static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
    if (type instanceof TypeVariable<?>) {
      return bindings.getOrDefault(type, type);
    }
    if (type instanceof ParameterizedType) {
      ParameterizedType parameterized = (ParameterizedType) type;
      Type[] arguments = Arrays.stream(parameterized.getActualTypeArguments()).map(a -> resolve(a, bindings))
          .toArray(Type[]::new);
      return Arrays.equals(arguments, parameterized.getActualTypeArguments()) ? type
          : new Parameterized((Class<?>) parameterized.getRawType(), parameterized.getOwnerType(), arguments);
    }
    if (type instanceof GenericArrayType) {
      Type component = resolve(((GenericArrayType) type).getGenericComponentType(), bindings);
      return component instanceof Class<?> ? java.lang.reflect.Array.newInstance((Class<?>) component, 0).getClass()
          : (GenericArrayType) () -> component;
    }
    return type;
  }

  /** The class a value of {@code type} is an instance of: the erasure, the upper bound of a variable. */
  /**
   * Type argument {@code index} of a parameterised type, e.g. {@code T} of {@code CompletionStage<T>};
   * {@code Object} for a raw type.
   */
  static Type typeArgument(Type type, int index) {
    return type instanceof ParameterizedType ? ((ParameterizedType) type).getActualTypeArguments()[index] : Object.class;
  }

  static Class<?> raw(Type type) {
    if (type instanceof Class<?>) {
      return (Class<?>) type;
    }
    if (type instanceof ParameterizedType) {
      return (Class<?>) ((ParameterizedType) type).getRawType();
    }
    if (type instanceof GenericArrayType) {
      return java.lang.reflect.Array.newInstance(raw(((GenericArrayType) type).getGenericComponentType()), 0).getClass();
    }
    if (type instanceof TypeVariable<?>) {
      return raw(((TypeVariable<?>) type).getBounds()[0]);
    }
    if (type instanceof WildcardType) {
      return raw(((WildcardType) type).getUpperBounds()[0]);
    }
    return Object.class;
  }

  /** A parameterized type built by {@link #resolve}; equal to the JDK's own for the same type. */
  private static final class Parameterized implements ParameterizedType {

    private final Class<?> raw;
    private final Type owner;
    private final Type[] arguments;

    Parameterized(Class<?> raw, Type owner, Type[] arguments) {
      this.raw = raw;
      this.owner = owner;
      this.arguments = arguments;
    }

    @Override
    public Type[] getActualTypeArguments() {
      return arguments.clone();
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public Type getOwnerType() {
      return owner;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ParameterizedType && raw.equals(((ParameterizedType) other).getRawType())
          && Objects.equals(owner, ((ParameterizedType) other).getOwnerType())
          && Arrays.equals(arguments, ((ParameterizedType) other).getActualTypeArguments());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(arguments) ^ Objects.hashCode(owner) ^ raw.hashCode();
    }

    @Override
    public String toString() {
      return raw.getTypeName() + Arrays.stream(arguments).map(Type::getTypeName)
          .collect(java.util.stream.Collectors.joining(", ", "<", ">"));
    }
  }
}
