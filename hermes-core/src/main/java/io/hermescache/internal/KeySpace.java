package io.hermescache.internal;

import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * What the calls of one cached method (or one key group of {@link io.hermescache.Hermes#cached}) share:
 * their counters and the decoder of their stored values. Obtained once from
 * {@link HermesEngine#keySpace(String, Type)} and reused for every call.
 */
public final class KeySpace {

  final String name;
  final Type type;
  final Counters counters;
  final Function<byte[], Envelope> decoder;

  KeySpace(String name, Type type, Counters counters, Function<byte[], Envelope> decoder) {
    this.name = name;
    this.type = type;
    this.counters = counters;
    this.decoder = decoder;
  }

  public String name() {
    return name;
  }
}
