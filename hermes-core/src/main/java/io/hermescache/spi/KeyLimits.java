package io.hermescache.spi;

/**
 * The keys a backend accepts. A key over {@code maxBytes} UTF-8 bytes, or with a space or control
 * character where {@code printableOnly}, is stored under a readable head that ends in a hash of the
 * whole key.
 *
 * @param maxBytes longest key in UTF-8 bytes
 * @param printableOnly whether spaces and control characters are refused
 */
public record KeyLimits(int maxBytes, boolean printableOnly) {

  /** Any key: in-process maps and Redis. */
  public static final KeyLimits NONE = new KeyLimits(Integer.MAX_VALUE, false);

  public KeyLimits {
    if (maxBytes < 64) {
      throw new IllegalArgumentException("maxBytes must be at least 64, was " + maxBytes);
    }
  }
}
