package io.hermescache.internal;

import java.util.List;

/**
 * A call's identity in this JVM's memory, cheaper to compare than its backend key and equal to another
 * exactly when their backend keys are equal. What it identifies also fixes the call's tags; key and tags
 * are rendered only when the backend is read.
 */
public interface LocalKey {

  /** The backend key (without {@code {prefix}:entry:}), rendered on first use. */
  String key();

  /** The call's tags, rendered on first use. */
  List<String> tags();

  /** The backend key of a call given as a key or a {@code LocalKey}. */
  static String keyOf(Object call) {
    return call instanceof LocalKey ? ((LocalKey) call).key() : (String) call;
  }

  /** The tags of a call: {@code tags}, or those its {@code LocalKey} renders when {@code tags} is null. */
  static List<String> tagsOf(Object call, List<String> tags) {
    return tags != null ? tags : ((LocalKey) call).tags();
  }
}
