package io.hermescache.spi;

/**
 * Compresses serialised values at or over the configured threshold. Implementations are thread-safe and
 * have a public no-argument constructor when named in configuration ({@code hermes.compression}).
 */
public interface Compressor {

  byte[] compress(byte[] data);

  /** The original bytes; throws if {@code data} was not made by {@link #compress(byte[])}. */
  byte[] decompress(byte[] data);
}
