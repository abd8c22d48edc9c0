package io.hermescache.internal;

/**
 * A call's identity in this JVM's memory, cheaper to compare than its backend key and equal to another
 * exactly when their backend keys are equal; the backend key is rendered only when the backend is read.
 */
public interface LocalKey {

  /** The backend key (without {@code {prefix}:entry:}), rendered on first use. */
  String key();
}
