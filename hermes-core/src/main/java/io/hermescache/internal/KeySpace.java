package io.hermescache.internal;

import io.hermescache.spi.KeyLimits;
import java.lang.reflect.Type;
import java.util.List;
import java.util.function.Function;

/**
 * What the calls of one cached method (or of the programmatic API, per value type) share: their counters,
 * the decoder of their stored values, and the fitted keys of their tags while these stay the same. Obtained
 * once from {@link HermesEngine#keySpace(String, Type)} and reused for every call.
 */
public final class KeySpace {

  final String name;
  final Type type;
  final Counters counters;
  final Function<byte[], Envelope> decoder;
  /** The resilience options of the method's calls (programmatic calls may choose others per call). */
  final Resilience resilience;
  private volatile FittedTags fittedTags = new FittedTags(List.of(), KeyLimits.NONE, List.of());

  KeySpace(String name, Type type, Counters counters, Function<byte[], Envelope> decoder, Resilience resilience) {
    this.resilience = resilience;
    this.name = name;
    this.type = type;
    this.counters = counters;
    this.decoder = decoder;
  }

  public String name() {
    return name;
  }

  /** The fitted keys of {@code tags}, computed once while a method's tags are static. */
  List<String> tagKeys(KeyLayout layout, List<String> tags, KeyLimits limits) {
    FittedTags last = fittedTags;
    if (last.limits == limits && (last.tags == tags || last.tags.equals(tags))) {
      return last.keys;
    }
    List<String> keys = tags.isEmpty() ? List.of() : layout.tagKeys(tags, limits);
    fittedTags = new FittedTags(tags, limits, keys);
    return keys;
  }

  private static final class FittedTags {
    final List<String> tags;
    final KeyLimits limits;
    final List<String> keys;

    FittedTags(List<String> tags, KeyLimits limits, List<String> keys) {
      this.tags = tags;
      this.limits = limits;
      this.keys = keys;
    }
  }
}
