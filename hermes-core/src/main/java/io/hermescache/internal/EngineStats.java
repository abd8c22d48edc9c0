package io.hermescache.internal;

import io.hermescache.CacheStats;
import io.hermescache.HermesStats;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The counters of an engine, one set per cached method or group, and their snapshot. */
final class EngineStats {

  private final Map<String, Counters> byName = new ConcurrentHashMap<>();

  Counters counters(String name) {
    return byName.computeIfAbsent(name, n -> new Counters());
  }

  HermesStats snapshot() {
    Map<String, CacheStats> snapshot = new TreeMap<>();
    byName.forEach((name, live) -> snapshot.put(name, live.snapshot()));
    CacheStats total = snapshot.values().stream().reduce(CacheStats.EMPTY, CacheStats::plus);
    return new HermesStats(total, Map.copyOf(snapshot));
  }
}
