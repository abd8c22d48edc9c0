package io.hermescache.internal;

import io.hermescache.spi.KeyLimits;
import java.util.Arrays;
import java.util.List;

/**
 * The backend keys of one call: what it reads in one round trip ({@code [entry, namespace, tags..., entry
 * version]}), and its lock, named only when needed.
 */
final class CallKeys {

  final String key;
  final String entryKey;
  final String versionKey;
  /** Entry first, then the versions in the order the envelope stores them. */
  final List<String> readKeys;
  private final KeyLayout layout;
  private final KeyLimits limits;
  private String lockKey;

  CallKeys(KeyLayout layout, KeyLimits limits, String key, List<String> tagKeys) {
    this.layout = layout;
    this.limits = limits;
    this.key = key;
    entryKey = layout.entryKey(key, limits);
    versionKey = layout.versionKey(key, limits);
    String[] keys = new String[tagKeys.size() + 3];
    keys[0] = entryKey;
    keys[1] = layout.namespaceKey(limits);
    for (int i = 0; i < tagKeys.size(); i++) {
      keys[i + 2] = tagKeys.get(i);
    }
    keys[keys.length - 1] = versionKey;
    readKeys = Arrays.asList(keys);
  }

  String lockKey() {
    if (lockKey == null) {
      lockKey = layout.lockKey(key, limits);
    }
    return lockKey;
  }
}
