package io.hermescache.internal;

import io.hermescache.spi.Compressor;
import io.hermescache.spi.Serialiser;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The stored form of an entry: what it was computed under and its value.
 *
 * <pre>
 * 'H' format(2) flags(1) expiresAt(8) computeMillis(4) versionCount(1) {length(1) version}* valueLength(4) value
 * </pre>
 *
 * The versions are those of the namespace, of each tag and of the entry itself (last), read before the
 * value was computed; the entry
 * is valid only while they all equal the current ones. Flags: bit 0 compressed, bit 1 null value. The value's
 * length is stored so that a payload cut short (or with bytes appended) is rejected rather than decoded as
 * another value: JSON {@code 12345} is a valid prefix of {@code 1234567}. Format 1 had no length; its
 * entries, like any other format's, are misses and are overwritten.
 */
final class Envelope {

  private static final byte MAGIC = 'H';
  private static final byte FORMAT = 2;
  private static final int COMPRESSED = 1;
  private static final int NULL_VALUE = 2;
  private static final int HEADER = 1 + 1 + 1 + 8 + 4 + 1;
  /** The count of versions, and the length of each, is one unsigned byte. */
  static final int MAX_VERSIONS = 255;

  final byte[][] versions;
  final long expiresAt;
  final int computeMillis;
  final Object value;

  private Envelope(byte[][] versions, long expiresAt, int computeMillis, Object value) {
    this.versions = versions;
    this.expiresAt = expiresAt;
    this.computeMillis = computeMillis;
    this.value = value;
  }

  /** Whether every stored version equals the current one ({@code null} current versions never match). */
  boolean matches(byte[][] current) {
    if (current.length != versions.length) {
      return false;
    }
    for (int i = 0; i < current.length; i++) {
      if (current[i] == null || !Arrays.equals(current[i], versions[i])) {
        return false;
      }
    }
    return true;
  }

  boolean expired(long nowMillis) {
    return nowMillis >= expiresAt;
  }

  /**
   * Probabilistic early expiry (XFetch, Vattani et al.): the closer to expiry and the longer the value took
   * to compute, the likelier one caller refreshes it early, so hot keys rarely expire under load.
   */
  boolean dueForEarlyRefresh(long nowMillis) {
    return computeMillis > 0
        && nowMillis - computeMillis * Math.log(1 - ThreadLocalRandom.current().nextDouble()) >= expiresAt;
  }

  /**
   * The time before which {@link #dueForEarlyRefresh} is unlikely enough to skip drawing for it: it then holds
   * with probability e<sup>-4</sup> (under 2%) per call, and the closer to expiry the likelier.
   */
  long earlyRefreshUnlikelyBefore() {
    return computeMillis > 0 ? expiresAt - 4L * computeMillis : expiresAt;
  }

  static byte[] encode(byte[][] versions, long expiresAt, int computeMillis, Object value, Type type,
      Serialiser serialiser, Compressor compressor, int compressionThreshold) {
    if (versions.length > MAX_VERSIONS) {
      throw new IllegalArgumentException(versions.length + " versions; an envelope holds at most " + MAX_VERSIONS);
    }
    for (byte[] version : versions) {
      if (version.length > MAX_VERSIONS) {
        throw new IllegalArgumentException("a version of " + version.length + " bytes; at most " + MAX_VERSIONS);
      }
    }
    int flags = 0;
    byte[] data = new byte[0];
    if (value == null) {
      flags |= NULL_VALUE;
    } else {
      data = serialiser.serialise(value, type);
      if (compressor != null && data.length >= compressionThreshold) {
        data = compressor.compress(data);
        flags |= COMPRESSED;
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER + versions.length * 23 + data.length);
    ByteBuffer head = ByteBuffer.allocate(HEADER);
    head.put(MAGIC).put(FORMAT).put((byte) flags).putLong(expiresAt).putInt(computeMillis).put((byte) versions.length);
    out.write(head.array(), 0, HEADER);
    for (byte[] version : versions) {
      out.write(version.length);
      out.write(version, 0, version.length);
    }
    out.write(ByteBuffer.allocate(4).putInt(data.length).array(), 0, 4);
    out.write(data, 0, data.length);
    return out.toByteArray();
  }

  /**
   * The envelope in {@code bytes}. Total: whatever the bytes hold, it returns an envelope or throws
   * {@link Unreadable} (a miss), never anything else, and within bounded time and memory (the compressor's
   * and serialiser's limits), because whoever can write to a shared backend chooses them. Foreign or damaged
   * bytes are a plain {@link Unreadable}; a well-formed envelope whose value cannot be read (a payload over a
   * decoding limit, a type that cannot be read back) is an {@link UnreadableValue}, which is worth counting.
   */
  static Envelope decode(byte[] bytes, Type type, Serialiser serialiser, Compressor compressor) {
    try {
      return decodeChecked(bytes, type, serialiser, compressor);
    } catch (Unreadable e) {
      throw e;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // The errors decoding can raise on a crafted payload (a deep JSON nesting, a huge claimed size) are
      // caught here, where they concern one payload, and nowhere else.
      throw new Unreadable(e);
    }
  }

  private static Envelope decodeChecked(byte[] bytes, Type type, Serialiser serialiser, Compressor compressor) {
    if (bytes.length < HEADER || bytes[0] != MAGIC || bytes[1] != FORMAT) {
      throw new IllegalArgumentException("not a Hermes envelope of format " + FORMAT);
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    in.position(2);
    int flags = in.get();
    long expiresAt = in.getLong();
    int computeMillis = in.getInt();
    byte[][] versions = new byte[Byte.toUnsignedInt(in.get())][];
    for (int i = 0; i < versions.length; i++) {
      versions[i] = new byte[Byte.toUnsignedInt(in.get())];
      in.get(versions[i]);
    }
    int valueLength = in.getInt();
    if (valueLength != in.remaining()) {
      throw new IllegalArgumentException("value of " + in.remaining() + " bytes where the envelope says " + valueLength);
    }
    Object value = null;
    if ((flags & NULL_VALUE) != 0) {
      if (valueLength != 0) {
        throw new IllegalArgumentException("a null value with " + valueLength + " bytes");
      }
    } else {
      byte[] data = Arrays.copyOfRange(bytes, in.position(), bytes.length);
      if ((flags & COMPRESSED) != 0 && compressor == null) {
        throw new IllegalArgumentException("compressed, but compression is off");
      }
      value = value(data, (flags & COMPRESSED) != 0, type, serialiser, compressor);
    }
    return new Envelope(versions, expiresAt, computeMillis, value);
  }

  private static Object value(byte[] data, boolean compressed, Type type, Serialiser serialiser, Compressor compressor) {
    try {
      return serialiser.deserialise(compressed ? compressor.decompress(data) : data, type);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      throw new UnreadableValue(type, e);
    }
  }

  /** Stored bytes that are not an envelope Hermes can read: foreign or damaged bytes, or an {@link UnreadableValue}. Always a miss. */
  static class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Messages of decoding errors may quote the payload (a number's digits): only their start is kept. */
    private static final int MESSAGE_LIMIT = 120;

    Unreadable(Throwable cause) {
      this("not a readable Hermes envelope: " + describe(cause), cause);
    }

    Unreadable(String message, Throwable cause) {
      super(message, cause);
    }

    static String describe(Throwable cause) {
      String message = String.valueOf(cause.getMessage());
      return cause.getClass().getSimpleName() + " "
          + (message.length() > MESSAGE_LIMIT ? message.substring(0, MESSAGE_LIMIT) + "…" : message);
    }
  }

  /**
   * A well-formed envelope whose value cannot be read back as the expected type: a payload over a decoding
   * limit (planted, most likely), or a type JSON-B cannot construct (or one changed since the value was
   * stored). A miss; but if it persists every call is a miss, so it is counted and shown rather than hidden.
   */
  static final class UnreadableValue extends Unreadable {
    private static final long serialVersionUID = 1L;

    UnreadableValue(Type type, Throwable cause) {
      super("cannot read the stored value as " + type.getTypeName() + ": " + describe(cause), cause);
    }
  }
}
