package io.hermescache.memcached;

import io.hermescache.spi.Payload;
import net.spy.memcached.CachedData;
import net.spy.memcached.transcoders.Transcoder;

/**
 * Stores a {@link Payload}'s bytes as they are. spymemcached's default transcoder would use Java
 * serialisation, which Hermes never does by default, and would also compress on its own.
 *
 * <p>{@link #PENDING} marks an entry whose value is about to be written (see
 * {@link MemcachedBackend#setIfLocked}); it is stored under its own flags and reads back as {@code null}, so
 * that every read sees it as absent.
 */
final class PayloadTranscoder implements Transcoder<Payload> {

  static final PayloadTranscoder INSTANCE = new PayloadTranscoder();

  /** The marker of a pending entry; compared by identity. */
  static final Payload PENDING = Payload.of(new byte[0]);

  private static final int VALUE_FLAGS = 0;
  private static final int PENDING_FLAGS = 1;

  private PayloadTranscoder() {}

  @Override
  public boolean asyncDecode(CachedData data) {
    return false;
  }

  @Override
  public CachedData encode(Payload payload) {
    return new CachedData(payload == PENDING ? PENDING_FLAGS : VALUE_FLAGS, payload.bytes(), getMaxSize());
  }

  @Override
  public Payload decode(CachedData data) {
    return data.getFlags() == PENDING_FLAGS ? null : Payload.of(data.getData());
  }

  /** No client-side limit: the server knows its item size ({@code -I}) and refuses what is over it. */
  @Override
  public int getMaxSize() {
    return Integer.MAX_VALUE;
  }
}
