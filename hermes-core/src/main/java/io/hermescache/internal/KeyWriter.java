package io.hermescache.internal;

import io.hermescache.HermesException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The bytes a cache key is hashed from. Every value is written as a type tag followed by a self-delimiting
 * payload (lengths before contents), so the encoding of a sequence of values is injective. A composite value
 * (collection, map, array of objects, record, bean, {@code Optional}) nested in another is written as the
 * SHA-256 digest of its own encoding, computed once per object: a structure that reuses one sub-list at every
 * level costs its number of distinct objects, not its number of paths, and equal values still give equal bytes
 * however they share their parts.
 */
final class KeyWriter {

  /** How deep values may nest; deeper (or recursive) arguments are refused rather than overflow the stack. */
  static final int MAX_DEPTH = 32;

  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(KeyWriter::newSha256);

  /** The writer of the whole key, which holds the digests of the composites met so far (made on the first). */
  private final KeyWriter root;
  private Map<Object, Digest> digests;
  private final int depth;
  private byte[] bytes;
  private int size;
  /** How many composite levels lie below what this writer holds. */
  private int height;

  private record Digest(byte[] sha256, int height) {}

  KeyWriter() {
    this(null, 0, 64);
  }

  private KeyWriter(KeyWriter root, int depth, int capacity) {
    this.root = root != null ? root : this;
    this.depth = depth;
    this.bytes = new byte[capacity];
  }

  /** Writes {@code value} as its runtime class is keyed; {@code null} is a value of its own. */
  void value(Object value) {
    if (value == null) {
      tag('N');
      return;
    }
    KeyEncoder encoder = KeyEncoder.of(value.getClass());
    if (!encoder.composite()) {
      encoder.encode(value, this);
      return;
    }
    if (root.digests == null) {
      root.digests = new IdentityHashMap<>();
    }
    Digest digest = root.digests.get(value);
    if (digest == null) {
      if (depth >= MAX_DEPTH) {
        throw tooDeep();
      }
      KeyWriter nested = new KeyWriter(root, depth + 1, 64);
      encoder.encode(value, nested);
      digest = new Digest(nested.sha256(), nested.height + 1);
      root.digests.put(value, digest);
    }
    if (depth + digest.height > MAX_DEPTH) {
      throw tooDeep();
    }
    height = Math.max(height, digest.height);
    tag('#');
    raw(digest.sha256);
  }

  /** The bytes {@link #value} would write for {@code value}, on their own (to sort set elements by). */
  byte[] encoded(Object value) {
    KeyWriter one = new KeyWriter(root, depth, 48);
    one.value(value);
    height = Math.max(height, one.height);
    return one.toByteArray();
  }

  void tag(char tag) {
    ensure(1);
    bytes[size++] = (byte) tag;
  }

  void int32(int value) {
    ensure(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      bytes[size++] = (byte) (value >>> shift);
    }
  }

  void int64(long value) {
    int32((int) (value >>> 32));
    int32((int) value);
  }

  /** The exact UTF-16 code units of {@code text}, lone surrogates included, after their count. */
  void text(String text) {
    int length = text.length();
    int32(length);
    ensure(2 * length);
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      bytes[size++] = (byte) (c >>> 8);
      bytes[size++] = (byte) c;
    }
  }

  /** {@code data} after its length. */
  void block(byte[] data) {
    int32(data.length);
    raw(data);
  }

  /** {@code data} as it is; for fixed-length parts only. */
  void raw(byte[] data) {
    ensure(data.length);
    System.arraycopy(data, 0, bytes, size, data.length);
    size += data.length;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private byte[] sha256() {
    MessageDigest digest = SHA256.get();
    digest.update(bytes, 0, size);
    return digest.digest();
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  private static HermesException tooDeep() {
    return new HermesException("A cache key argument nests deeper than " + MAX_DEPTH
        + " levels (a recursive structure?); give the method a key template or a KeyGenerator");
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
