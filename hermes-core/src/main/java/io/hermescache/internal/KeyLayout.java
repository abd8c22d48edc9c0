package io.hermescache.internal;

import io.hermescache.spi.KeyLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * The storage layout of one prefix, the only place that knows it (DESIGN.md, "Storage layout"):
 * <ul>
 *   <li>entry {@code {prefix}:entry:{key}}, its version {@code {prefix}:version:{key}} and its lock
 *       {@code {prefix}:lock:{key}};</li>
 *   <li>tag version {@code {prefix}:tag:{tag}}; namespace version {@code {prefix}:namespace}.</li>
 * </ul>
 * Keys reach a backend fitted to its {@link KeyLimits}. Health checks read {@link #namespaceKey()}.
 */
public final class KeyLayout {

  private final String entryPrefix;
  private final String versionPrefix;
  private final String lockPrefix;
  private final String tagPrefix;
  private final String namespaceKey;
  private volatile Fitted namespace;

  private KeyLayout(String prefix) {
    entryPrefix = prefix + ":entry:";
    versionPrefix = prefix + ":version:";
    lockPrefix = prefix + ":lock:";
    tagPrefix = prefix + ":tag:";
    namespaceKey = prefix + ":namespace";
    namespace = new Fitted(KeyLimits.NONE, namespaceKey);
  }

  /** The layout under {@code prefix} (a valid {@code hermes.prefix}). */
  public static KeyLayout of(String prefix) {
    return new KeyLayout(SettingChecks.prefix("prefix", prefix));
  }

  /** The namespace version's key, unfitted: what {@code clean()} re-versions and a readiness check reads. */
  public String namespaceKey() {
    return namespaceKey;
  }

  String namespaceKey(KeyLimits limits) {
    Fitted last = namespace;
    if (last.limits != limits) {
      last = new Fitted(limits, Keys.fit(namespaceKey, limits));
      namespace = last;
    }
    return last.key;
  }

  String entryKey(String key, KeyLimits limits) {
    return Keys.fit(entryPrefix + key, limits);
  }

  String versionKey(String key, KeyLimits limits) {
    return Keys.fit(versionPrefix + key, limits);
  }

  String lockKey(String key, KeyLimits limits) {
    return Keys.fit(lockPrefix + key, limits);
  }

  String tagKey(String tag, KeyLimits limits) {
    return Keys.fit(tagPrefix + tag, limits);
  }

  /** Whether {@code backendKey} is a lock's (unfitted): a lock guards no value. */
  boolean isLock(String backendKey) {
    return backendKey.startsWith(lockPrefix);
  }

  /** The fitted keys of {@code tags}, in order. */
  List<String> tagKeys(List<String> tags, KeyLimits limits) {
    List<String> keys = new ArrayList<>(tags.size());
    for (String tag : tags) {
      keys.add(tagKey(tag, limits));
    }
    return keys;
  }

  private static final class Fitted {
    final KeyLimits limits;
    final String key;

    Fitted(KeyLimits limits, String key) {
      this.limits = limits;
      this.key = key;
    }
  }
}
