package io.hermescache.memcached;

import io.hermescache.internal.Keys;
import java.nio.charset.StandardCharsets;

/**
 * How messages and logs name a key: {@code key #} and the first eight characters of its hash, the same for
 * the same key, never the key itself.
 */
final class KeyNames {

  private KeyNames() {}

  /**
   * By a short hash, since keys may hold argument values (a user's e-mail address, a session token) that must
   * not reach logs.
   */
  static String named(String key) {
    return "key #" + Keys.hash(key.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
  }
}
