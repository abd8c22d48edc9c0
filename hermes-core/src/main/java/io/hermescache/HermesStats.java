package io.hermescache;

import java.util.Map;

/**
 * A snapshot of a {@link Hermes} instance's counters.
 *
 * @param total all calls
 * @param byName per cached method ({@code com.example.Repo.find}) or, for {@link Hermes#cached}, per key
 *     {@code programmatic} (one group for all of them, never one per key)
 */
public record HermesStats(CacheStats total, Map<String, CacheStats> byName) {

  /** The counters of {@code name}, empty if it was never called. */
  public CacheStats of(String name) {
    return byName.getOrDefault(name, CacheStats.EMPTY);
  }
}
