package io.hermescache.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A change counter per backend key (an entry or a version), striped: each key has a slot, and a change of
 * the key advances the slot. Keys that share a slot only cost each other a read of the backend, never a
 * stale value; a fixed number of slots keeps memory bounded however many tags and keys there are.
 */
final class KeyStamps {

  private static final int SLOTS = 1 << 12;

  private final AtomicLongArray stamps = new AtomicLongArray(SLOTS);

  /** The slot of {@code key}. */
  static int slot(String key) {
    int hash = key.hashCode();
    return (hash ^ (hash >>> 16)) & (SLOTS - 1);
  }

  long stamp(int slot) {
    return stamps.get(slot);
  }

  /** Advances the slot of {@code key}: whatever was read under its former stamp is no longer current. */
  void changed(String key) {
    stamps.incrementAndGet(slot(key));
  }

  /** Advances every slot (the changes of a while may have been missed). */
  void changedAll() {
    for (int slot = 0; slot < SLOTS; slot++) {
      stamps.incrementAndGet(slot);
    }
  }

  /** Whether none of {@code slots} changed since it read {@code seen}. */
  boolean unchanged(int[] slots, long[] seen) {
    for (int i = 0; i < slots.length; i++) {
      if (stamps.get(slots[i]) != seen[i]) {
        return false;
      }
    }
    return true;
  }
}
