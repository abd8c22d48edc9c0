package io.hermescache.internal;

import io.hermescache.spi.Compressor;
import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * zlib deflate, the default compressor. Inflation stops at a bound ({@code hermes.compression.max-inflated}),
 * so a small planted payload that claims gigabytes (a deflate bomb) is refused after at most that many bytes
 * instead of exhausting the heap.
 */
public final class DeflateCompressor implements Compressor {

  /** 64 MiB: well over a memcached item (1 MiB by default) and any value worth caching in Redis. */
  public static final long DEFAULT_MAX_INFLATED_BYTES = 64L << 20;

  private final long maxInflatedBytes;

  public DeflateCompressor() {
    this(DEFAULT_MAX_INFLATED_BYTES);
  }

  /** @param maxInflatedBytes the most bytes {@link #decompress} produces; more is refused as a corrupt payload */
  public DeflateCompressor(long maxInflatedBytes) {
    if (maxInflatedBytes <= 0 || maxInflatedBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxInflatedBytes must be between 1 and " + (Integer.MAX_VALUE - 8)
          + ", was " + maxInflatedBytes);
    }
    this.maxInflatedBytes = maxInflatedBytes;
  }

  public long maxInflatedBytes() {
    return maxInflatedBytes;
  }

  @Override
  public byte[] compress(byte[] data) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /**
   * The original bytes; {@link IllegalArgumentException} if {@code data} is not complete deflate data or
   * inflates to more than {@link #maxInflatedBytes()}.
   */
  @Override
  public byte[] decompress(byte[] data) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxInflatedBytes, Math.max(64L, data.length * 3L)));
      byte[] buffer = new byte[8192];
      long total = 0;
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalArgumentException("truncated deflate data");
        }
        total += n;
        if (total > maxInflatedBytes) {
          throw new IllegalArgumentException("inflates to more than " + maxInflatedBytes + " bytes");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("not deflate data: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }
}
