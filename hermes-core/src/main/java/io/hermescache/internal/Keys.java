package io.hermescache.internal;

import io.hermescache.spi.KeyLimits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Key fitting, hashing and random tokens. */
public final class Keys {

  /** Ends the readable head of a changed key; escaped (replaced) everywhere else, so only changed keys hold it. */
  static final char MARKER = '#';

  /** Length of {@link #hash} and {@link #token} results. */
  static final int HASH_LENGTH = 22;

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final SecureRandom RANDOM = new SecureRandom();
  /** One digest per thread: looking the algorithm up costs more than hashing a key. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Keys::sha256);

  private Keys() {}

  /**
   * 128 bits of SHA-256 of {@code data}, base64url without padding (22 characters). SHA-256 rather than
   * MD5 so that crafted arguments cannot be made to collide with another call's key.
   */
  public static String hash(byte[] data) {
    byte[] digest = SHA256.get().digest(data);
    byte[] head = new byte[16];
    System.arraycopy(digest, 0, head, 0, head.length);
    return BASE64URL.encodeToString(head);
  }

  /** A random 22-character token: tag versions and lock owners. */
  static String token() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return BASE64URL.encodeToString(bytes);
  }

  /**
   * {@code key} as is when {@code limits} accept it and it holds no {@value #MARKER}; otherwise a readable
   * head of it (characters the limits refuse, and {@value #MARKER}, replaced by {@code _}) followed by
   * {@value #MARKER} and the hash of the whole key, within the limits. The encoding is injective: a kept key
   * never holds the marker, a changed one always ends in it and the hash of the original, so no literal key
   * (an argument value, say) is ever stored under the changed form of another. {@link KeyLimits#NONE} keeps
   * every key, which is injective too.
   */
  public static String fit(String key, KeyLimits limits) {
    if (KeyLimits.NONE.equals(limits) || fits(key, limits)) {
      return key;
    }
    String suffix = MARKER + hash(key.getBytes(StandardCharsets.UTF_8));
    int budget = limits.maxBytes() - suffix.length();
    StringBuilder head = new StringBuilder(Math.min(key.length(), budget) + suffix.length());
    for (int i = 0; i < key.length() && head.length() < budget; i++) {
      char c = key.charAt(i);
      head.append(c > 0x20 && c < 0x7f && c != MARKER && !(limits.bracesRefused() && (c == '{' || c == '}')) ? c : '_');
    }
    return head.append(suffix).toString();
  }

  private static boolean fits(String key, KeyLimits limits) {
    if (key.length() > limits.maxBytes()) {
      return false;
    }
    int bytes = 0;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c >= 0x80) {
        bytes += c >= 0x800 ? 3 : 2;
      } else {
        bytes++;
      }
      if (c == MARKER
          || limits.bracesRefused() && (c == '{' || c == '}')
          || limits.printableOnly() && (c <= 0x20 || c == 0x7f || Character.isISOControl(c) || Character.isWhitespace(c))) {
        return false;
      }
    }
    return bytes <= limits.maxBytes();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
