package io.hermescache.internal;

import io.hermescache.CacheStats;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link CacheStats}, for one name. */
final class Counters {

  final LongAdder hits = new LongAdder();
  final LongAdder misses = new LongAdder();
  final LongAdder puts = new LongAdder();
  final LongAdder loads = new LongAdder();
  final LongAdder loadFailures = new LongAdder();
  final LongAdder loadNanos = new LongAdder();
  final LongAdder lockWaits = new LongAdder();
  final LongAdder errors = new LongAdder();
  final LongAdder refreshes = new LongAdder();
  final LongAdder stale = new LongAdder();
  final LongAdder timeouts = new LongAdder();

  void recordLoad(long nanos, boolean succeeded) {
    (succeeded ? loads : loadFailures).increment();
    loadNanos.add(Math.max(0, nanos));
  }

  CacheStats snapshot() {
    return new CacheStats(hits.sum(), misses.sum(), puts.sum(), loads.sum(), loadFailures.sum(),
        Duration.ofNanos(loadNanos.sum()), lockWaits.sum(), errors.sum(), refreshes.sum(), stale.sum(),
        timeouts.sum());
  }
}
