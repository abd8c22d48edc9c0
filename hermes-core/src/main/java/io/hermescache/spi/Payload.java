package io.hermescache.spi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * The bytes a backend stores under one key: an entry's envelope, a tag's version token or a lock token.
 *
 * <p>Remote backends store {@link #bytes()} and wrap what they read with {@link #of(byte[])}. A backend
 * that keeps payloads in memory may store the instance itself: the engine then decodes it once, on the
 * first hit, and later hits reuse the decoded value without parsing (see {@link #decode(Function)}).
 */
public final class Payload {

  private final byte[] bytes;
  private volatile Decoded decoded;

  private Payload(byte[] bytes) {
    this.bytes = Objects.requireNonNull(bytes, "bytes");
  }

  /** Wraps {@code bytes} without copying them; the caller must not change them afterwards. */
  public static Payload of(byte[] bytes) {
    return new Payload(bytes);
  }

  /** The UTF-8 bytes of {@code text}. */
  public static Payload of(String text) {
    return new Payload(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The stored bytes, not copied: do not change them. */
  public byte[] bytes() {
    return bytes;
  }

  /** The number of stored bytes. */
  public int size() {
    return bytes.length;
  }

  /** The bytes as UTF-8 text. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * {@code decoder} applied to these bytes, remembered for the next call with the same decoder instance.
   * A decoder must be a pure function of the bytes; an exception it throws is passed on and nothing is
   * remembered.
   */
  @SuppressWarnings("unchecked")
  public <T> T decode(Function<byte[], T> decoder) {
    Decoded last = decoded;
    if (last != null && last.decoder == decoder) {
      return (T) last.value;
    }
    T value = decoder.apply(bytes);
    decoded = new Decoded(decoder, value);
    return value;
  }

  /** Equal when the bytes are equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Payload && Arrays.equals(bytes, ((Payload) other).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Payload[" + bytes.length + " bytes]";
  }

  private static final class Decoded {
    final Object decoder;
    final Object value;

    Decoded(Object decoder, Object value) {
      this.decoder = decoder;
      this.value = value;
    }
  }
}
