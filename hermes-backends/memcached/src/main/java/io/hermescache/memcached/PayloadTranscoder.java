package io.hermescache.memcached;

import io.hermescache.spi.Payload;
import net.spy.memcached.CachedData;
import net.spy.memcached.transcoders.Transcoder;

/**
 * Stores a {@link Payload}'s bytes as they are. spymemcached's default transcoder would use Java
 * serialisation, which Hermes never does by default, and would also compress on its own.
 */
final class PayloadTranscoder implements Transcoder<Payload> {

  static final PayloadTranscoder INSTANCE = new PayloadTranscoder();

  private static final int FLAGS = 0;

  private PayloadTranscoder() {}

  @Override
  public boolean asyncDecode(CachedData data) {
    return false;
  }

  @Override
  public CachedData encode(Payload payload) {
    return new CachedData(FLAGS, payload.bytes(), getMaxSize());
  }

  @Override
  public Payload decode(CachedData data) {
    return Payload.of(data.getData());
  }

  /** No client-side limit: the server knows its item size ({@code -I}) and refuses what is over it. */
  @Override
  public int getMaxSize() {
    return Integer.MAX_VALUE;
  }
}
