package io.hermescache.spi;

/**
 * The keys a backend accepts. Unless the limits are {@link #NONE}, a key over {@code maxBytes} UTF-8 bytes,
 * with a space or control character where {@code printableOnly}, with a brace where {@code bracesRefused}, or
 * with the marker {@code #} is stored under a readable head that ends in {@code #} and a hash of the whole key; every other
 * key is stored as it is. Since kept keys never hold {@code #} and changed keys end in the hash of the
 * original, no key can be chosen so that it is stored under another key's name.
 *
 * @param maxBytes longest key in UTF-8 bytes
 * @param printableOnly whether spaces and control characters are refused
 * @param bracesRefused whether {@code {} and {@code }} are refused: Redis Cluster places a key holding
 *     {@code {tag}} on the slot of {@code tag}, which text taken from arguments must not choose
 */
public record KeyLimits(int maxBytes, boolean printableOnly, boolean bracesRefused) {

  /** Any key: in-process maps. */
  public static final KeyLimits NONE = new KeyLimits(Integer.MAX_VALUE, false, false);

  /** Memcached's: 250 bytes, no spaces or control characters. */
  public static final KeyLimits MEMCACHED = new KeyLimits(250, true, false);

  /**
   * Redis': keys are binary-safe up to 512 MB, but a key as long as an argument costs memory and bandwidth on
   * every read, so 512 bytes; no braces, so that no argument picks a cluster slot.
   */
  public static final KeyLimits REDIS = new KeyLimits(512, false, true);

  public KeyLimits {
    if (maxBytes < 64) {
      throw new IllegalArgumentException("maxBytes must be at least 64, was " + maxBytes);
    }
  }

  /** Limits that leave braces alone. */
  public KeyLimits(int maxBytes, boolean printableOnly) {
    this(maxBytes, printableOnly, false);
  }
}
