package io.hermescache.spi;

import java.lang.reflect.Type;

/**
 * Turns values into bytes and back. The default is JSON-B; Hermes never uses Java native serialisation
 * unless a serialiser the user chose does. Implementations are thread-safe and have a public no-argument
 * constructor when named in configuration ({@code hermes.serialiser}).
 */
public interface Serialiser {

  /** The bytes of {@code value} (never {@code null}), read back later as {@code type}. */
  byte[] serialise(Object value, Type type);

  /** The value of {@code bytes} as {@code type}; throws if the bytes are not a value of that type. */
  Object deserialise(byte[] bytes, Type type);
}
