package io.hermescache.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;

/**
 * The payloads of issue 16, as whoever can write to a shared backend could plant them: bodies for an envelope
 * ({@link #envelopeWith}) that has the head of a real entry, so that only the body is hostile.
 */
public final class HostilePayloads {

  private HostilePayloads() {}

  /**
   * {@code stored} (a real Hermes envelope) with its value replaced by {@code body}, flagged compressed or
   * not; the versions of namespace and tags it was computed under are kept, so the entry is current.
   */
  public static byte[] envelopeWith(byte[] stored, byte[] body, boolean compressed) {
    // 'H' format flags expiresAt(8) computeMillis(4) versionCount {length version}* valueLength(4) value
    int at = 15;
    int versions = Byte.toUnsignedInt(stored[at++]);
    for (int i = 0; i < versions; i++) {
      at += 1 + Byte.toUnsignedInt(stored[at]);
    }
    byte[] planted = Arrays.copyOf(stored, at + 4 + body.length);
    planted[2] = (byte) (compressed ? 1 : 0);
    planted[at] = (byte) (body.length >>> 24);
    planted[at + 1] = (byte) (body.length >>> 16);
    planted[at + 2] = (byte) (body.length >>> 8);
    planted[at + 3] = (byte) body.length;
    System.arraycopy(body, 0, planted, at + 4, body.length);
    return planted;
  }

  /** Deflate data that inflates to {@code size} zero bytes: about a thousandth of that size (1.5 GB: 1.46 MB). */
  public static byte[] deflateBomb(long size) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] zeros = new byte[1 << 20];
    byte[] buffer = new byte[1 << 16];
    for (long written = 0; written < size; written += zeros.length) {
      deflater.setInput(zeros, 0, (int) Math.min(zeros.length, size - written));
      while (!deflater.needsInput()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  /** JSON arrays nested {@code depth} deep: 100,000 levels in 200 KB (879 bytes compressed). */
  public static byte[] nestedJson(int depth) {
    return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
  }

  /** {@code {"id":<digits>}}: 200,000 digits cost a second or more to read as {@code BigDecimal} or {@code BigInteger}. */
  public static byte[] longNumber(int digits) {
    return ("{\"id\":" + "7".repeat(digits) + "}").getBytes(StandardCharsets.US_ASCII);
  }

  /** A serialised {@code long[]} that claims 2,147,483,639 elements in 27 bytes. */
  public static byte[] hugeLongArray() {
    byte[] claim = javaSerialised(new long[0]);
    claim[claim.length - 4] = 0x7f;
    claim[claim.length - 3] = (byte) 0xff;
    claim[claim.length - 2] = (byte) 0xff;
    claim[claim.length - 1] = (byte) 0xf7;
    return claim;
  }

  /** A serialised one-element {@code ArrayList} whose size field claims 2,147,483,639. */
  public static byte[] arrayListWithPatchedSize() {
    byte[] one = javaSerialised(new ArrayList<>(List.of(1)));
    byte[] sizeOne = {0x78, 0x70, 0, 0, 0, 1};
    for (int i = 0; i + sizeOne.length <= one.length; i++) {
      if (Arrays.equals(one, i, i + sizeOne.length, sizeOne, 0, sizeOne.length)) {
        one[i + 2] = 0x7f;
        one[i + 3] = (byte) 0xff;
        one[i + 4] = (byte) 0xff;
        one[i + 5] = (byte) 0xf7;
        return one;
      }
    }
    throw new IllegalStateException("the serialised form of ArrayList changed");
  }

  /** Hash sets nested {@code levels} deep, two per level sharing the next: rebuilding them costs 2^levels. */
  public static byte[] nestedHashSets(int levels) {
    Set<Object> root = new HashSet<>();
    Set<Object> s1 = root;
    Set<Object> s2 = new HashSet<>();
    for (int i = 0; i < levels; i++) {
      Set<Object> t1 = new HashSet<>();
      Set<Object> t2 = new HashSet<>();
      t1.add("x");
      s1.add(t1);
      s1.add(t2);
      s2.add(t1);
      s2.add(t2);
      s1 = t1;
      s2 = t2;
    }
    return javaSerialised(root);
  }

  static byte[] javaSerialised(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
