package io.hermescache.internal;

import io.hermescache.HermesConfigurationException;

/**
 * What a key prefix may hold, so that the layout {@code {prefix}:entry:…}, {@code {prefix}:tag:…},
 * {@code {prefix}:lock:…}, {@code {prefix}:namespace} stays unambiguous: the prefix is everything before the
 * first {@code :}, so no tag, key or other prefix can name a key of another prefix (with prefix {@code app},
 * {@code clean("t1:namespace")} writes {@code app:tag:t1:namespace}, which is no other prefix's namespace,
 * because {@code app:tag:t1} is no prefix). Tags may hold {@code :} ({@code user:42}) for the same reason:
 * they come after the prefix and a fixed second segment.
 */
public final class KeyRules {

  /** Longer prefixes would leave little of a fitted key's readable head for the key itself. */
  static final int MAX_PREFIX_LENGTH = 64;

  private KeyRules() {}

  /**
   * {@code value} if it is a usable prefix: 1 to {@value #MAX_PREFIX_LENGTH} printable ASCII characters
   * without {@code :}, {@code #} (the mark of fitted keys) or braces (Redis Cluster hash tags).
   *
   * @param what the configuration key or builder method, named in the error
   * @throws HermesConfigurationException naming {@code what} and the value
   */
  public static String prefix(String what, String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_PREFIX_LENGTH
        || value.chars().anyMatch(c -> c <= ' ' || c >= 0x7f || c == ':' || c == '#' || c == '{' || c == '}')) {
      throw HermesConfigurationException.badValue(what, String.valueOf(value), "must be 1 to " + MAX_PREFIX_LENGTH
          + " printable ASCII characters without spaces, ':', '#', '{' or '}' (the prefix ends at the first ':'"
          + " of every key, so that no key of one prefix can name a key of another)");
    }
    return value;
  }
}
