package io.hermescache.internal;

import java.util.List;

/**
 * A backend in this JVM's memory that lets the engine keep decoded hits ({@link LocalHits}): it tells of
 * every change of a key it learns of, before the change returns in this JVM, and vouches for what a read
 * brought as long as it would itself answer the same.
 */
public interface LocalHitSource {

  /** What {@link #vouch} answers for a read it cannot vouch for. */
  long NOT_VOUCHED = Long.MIN_VALUE;

  /** What hears the changes. */
  interface Changes {

    /** {@code key} changed. */
    void changed(String key);

    /** Changes may have been missed: whatever was read so far is suspect. */
    void lost();
  }

  /** Starts telling {@code changes} of every change, until {@link #stopListening}. */
  void listen(Changes changes);

  void stopListening(Changes changes);

  /** Just after a read of {@code keys}: a voucher for what it brought, or {@link #NOT_VOUCHED}. */
  long vouch(List<String> keys);

  /** Whether what was read under {@code voucher}, with none of its keys changed since, is still what this backend would answer. */
  boolean vouches(long voucher);
}
