package io.hermescache.internal;

import java.lang.reflect.Modifier;

/**
 * Hash of a call's parameter types and argument values, the same in every JVM and version: each value is
 * written by a rule of its type ({@link KeyEncoder}), tagged with the type and length-prefixed, so that
 * different arguments never give the same bytes (sets and maps independently of iteration order, records
 * by their components, beans by their properties). Bounded in depth and linear in the argument's size.
 *
 * <p>The plan is made once per method: the parameter types are written once, and a parameter of a final
 * scalar type (an {@code int}, a {@code String}) has its encoder bound here; other parameters are keyed by
 * the runtime class of each argument, whose name (or type tag) is part of the hash, so an {@code Object}
 * parameter given {@code int[0]} and {@code long[0]} gives two keys.
 */
public final class ArgumentHash {

  private final byte[] signature;
  /** Per parameter, its encoder when the declared type fixes it; {@code null} to go by the runtime class. */
  private final KeyEncoder[] encoders;

  private ArgumentHash(byte[] signature, KeyEncoder[] encoders) {
    this.signature = signature;
    this.encoders = encoders;
  }

  /** The hash of calls to parameters of {@code parameterTypes}; their names are encoded once, here. */
  public static ArgumentHash forParameters(Class<?>[] parameterTypes) {
    KeyWriter out = new KeyWriter();
    KeyEncoder[] encoders = new KeyEncoder[parameterTypes.length];
    out.int32(parameterTypes.length);
    for (int i = 0; i < parameterTypes.length; i++) {
      Class<?> type = parameterTypes[i];
      out.text(type.getName());
      Class<?> boxed = (Class<?>) Types.boxed(type);
      if (Modifier.isFinal(boxed.getModifiers()) && KeyEncoder.isScalar(boxed) && !KeyEncoder.of(boxed).composite()) {
        encoders[i] = KeyEncoder.of(boxed);
      }
    }
    return new ArgumentHash(out.toByteArray(), encoders);
  }

  /** The 22-character hash of {@code arguments} passed to parameters of {@code parameterTypes}. */
  public static String of(Class<?>[] parameterTypes, Object[] arguments) {
    return forParameters(parameterTypes).hash(arguments);
  }

  /**
   * The 22-character hash of {@code arguments}.
   *
   * @throws io.hermescache.HermesException if an argument nests deeper than {@value KeyWriter#MAX_DEPTH} levels,
   *     or is of a class whose values cannot be told apart (named in the message; the value never is)
   */
  public String hash(Object[] arguments) {
    KeyWriter out = new KeyWriter();
    out.raw(signature);
    for (int i = 0; i < arguments.length; i++) {
      Object argument = arguments[i];
      KeyEncoder encoder = i < encoders.length ? encoders[i] : null;
      if (encoder != null && argument != null) {
        encoder.encode(argument, out);
      } else {
        out.value(argument);
      }
    }
    return Keys.hash(out.toByteArray());
  }

  /**
   * Whether values of {@code type} are keyed as single values: primitives and their boxes, {@code String},
   * enums, {@code BigDecimal}, {@code BigInteger}, {@code UUID}, {@code java.time} types, {@code URI},
   * {@code Class}, {@code BitSet} and the primitive {@code Optional}s.
   */
  public static boolean isScalar(Class<?> type) {
    return KeyEncoder.isScalar(type);
  }
}
