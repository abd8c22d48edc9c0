package io.hermescache.internal.plan;

import io.hermescache.internal.LocalKey;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The identity of a call in this JVM's memory: its method and its arguments, compared with {@code equals},
 * as quarkus-cache's composite key is; the backend key (a hash of the encoded arguments) and the tags are
 * rendered only when the backend is read. Only for parameters whose {@code equals} holds exactly when their encodings are
 * equal ({@link #exact}), so two tuples are equal exactly when their backend keys are.
 */
final class ArgumentTuple implements LocalKey {

  private static final Set<Class<?>> EXACT = Set.of(String.class, Boolean.class, Character.class, Byte.class,
      Short.class, Integer.class, Long.class, UUID.class, boolean.class, char.class, byte.class, short.class,
      int.class, long.class);

  private final CachedMethodPlan plan;
  private final Object[] arguments;
  private final int hash;
  private String key;
  private List<String> tags;

  ArgumentTuple(CachedMethodPlan plan, Object[] arguments) {
    this.plan = plan;
    this.arguments = arguments;
    this.hash = 31 * System.identityHashCode(plan) + Arrays.hashCode(arguments);
  }

  /**
   * Whether arguments of these declared types can be compared with {@code equals} in place of their
   * encodings: strings, integral numbers, booleans, characters, UUIDs and enums, no supertype of them.
   */
  static boolean exact(Class<?>[] parameterTypes) {
    for (Class<?> type : parameterTypes) {
      if (!EXACT.contains(type) && !type.isEnum()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String key() {
    String rendered = key;
    if (rendered == null) {
      rendered = plan.key(arguments);
      key = rendered;
    }
    return rendered;
  }

  @Override
  public List<String> tags() {
    List<String> rendered = tags;
    if (rendered == null) {
      rendered = plan.tags(arguments);
      tags = rendered;
    }
    return rendered;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ArgumentTuple && ((ArgumentTuple) other).plan == plan
        && Arrays.equals(((ArgumentTuple) other).arguments, arguments);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return plan + "(" + arguments.length + " arguments)";
  }
}
