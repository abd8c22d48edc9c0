package io.hermescache.internal.near;

import io.hermescache.spi.Payload;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The payloads this JVM holds, at most {@code maxEntries} of them, evicted oldest stored first.
 *
 * <p>A copy read from the backend must not be stored if its key changed while the read was under way (the
 * change's message may already have been handled, so nothing would drop the old copy). Every change of a
 * key bumps the counter of its stripe before dropping the copy; a read notes the counters of its keys before
 * it starts ({@link #stamp}) and stores only where they did not move ({@link #storeIfUnchanged}), checked
 * and stored atomically per key. A stripe shared by two keys only costs a copy not stored.
 */
final class LocalCopies {

  private static final int STRIPES = 1024;

  /** A payload and what vouches for it. */
  static final class Copy {
    final Payload payload;
    /** When the read that brought it started (the clock's nanos): it reflects every change finished before. */
    final long readAt;
    /** The subscription it was read under ({@link ChannelTrust#NONE}: none), whose messages would drop it. */
    final long epoch;

    Copy(Payload payload, long readAt, long epoch) {
      this.payload = payload;
      this.readAt = readAt;
      this.epoch = epoch;
    }
  }

  private final int maxEntries;
  private final ConcurrentHashMap<String, Copy> copies = new ConcurrentHashMap<>();
  // stored keys in order; a key stored again is queued again, so the queue bounds the map
  private final ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicLongArray stripes = new AtomicLongArray(STRIPES);

  LocalCopies(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  Copy get(String key) {
    return copies.get(key);
  }

  /** The change counter of {@code key}'s stripe, to pass to {@link #storeIfUnchanged}. */
  long stamp(String key) {
    return stripes.get(stripe(key));
  }

  /** Stores {@code copy} unless {@code key} changed since {@code stamp} was taken. */
  void storeIfUnchanged(String key, Copy copy, long stamp) {
    int stripe = stripe(key);
    boolean[] stored = new boolean[1];
    copies.compute(key, (k, old) -> {
      if (stripes.get(stripe) != stamp) {
        return old;
      }
      stored[0] = true;
      return copy;
    });
    if (stored[0]) {
      order.add(key);
      if (queued.incrementAndGet() > maxEntries) {
        evictOldest();
      }
    }
  }

  /** Marks {@code key} changed, then drops its copy: no read under way stores an older one afterwards. */
  void changed(String key) {
    stripes.incrementAndGet(stripe(key));
    copies.remove(key);
  }

  /** Marks every key changed and drops every copy. */
  void clear() {
    for (int i = 0; i < STRIPES; i++) {
      stripes.incrementAndGet(i);
    }
    copies.clear();
  }

  /** The number of copies held. */
  int size() {
    return copies.size();
  }

  private void evictOldest() {
    while (queued.get() > maxEntries) {
      String oldest = order.poll();
      if (oldest == null) {
        return;
      }
      queued.decrementAndGet();
      copies.remove(oldest);
    }
  }

  private static int stripe(String key) {
    int h = key.hashCode();
    return (h ^ (h >>> 16)) & (STRIPES - 1);
  }
}
