package io.hermescache;

import java.time.Duration;

/**
 * Counters of one cached method (or of the programmatic calls of one stats group), or of all of them.
 *
 * @param hits calls served from the cache
 * @param misses calls that found no usable value
 * @param puts values written to the backend: computed values, and stale values fail-safe stored again (not
 *     a {@code null} when nulls are not cached, nor a value that lost its lock or was invalidated meanwhile)
 * @param loads runs of the method (or loader) that returned a value
 * @param loadFailures runs that threw
 * @param loadTime total time spent in runs
 * @param lockWaits calls that waited for a peer computing the same key
 * @param errors backend or serialisation failures, and computations not stored because they outlived
 *     their lock
 * @param refreshes recomputations of a value before it expired: early refresh (XFetch) and refresh ahead
 *     (not counted as misses)
 * @param stale calls answered with an expired value because the method failed or timed out (fail-safe) or
 *     had not answered within its soft timeout
 * @param timeouts calls whose method did not answer within its soft or hard timeout
 */
public record CacheStats(long hits, long misses, long puts, long loads, long loadFailures, Duration loadTime,
    long lockWaits, long errors, long refreshes, long stale, long timeouts) {

  public static final CacheStats EMPTY = new CacheStats(0, 0, 0, 0, 0, Duration.ZERO, 0, 0, 0, 0, 0);

  /** Hits over hits plus misses; 0 with no calls. */
  public double hitRate() {
    long calls = hits + misses;
    return calls == 0 ? 0 : (double) hits / calls;
  }

  /** The sum of both. */
  public CacheStats plus(CacheStats other) {
    return new CacheStats(hits + other.hits, misses + other.misses, puts + other.puts, loads + other.loads,
        loadFailures + other.loadFailures, loadTime.plus(other.loadTime), lockWaits + other.lockWaits,
        errors + other.errors, refreshes + other.refreshes, stale + other.stale, timeouts + other.timeouts);
  }
}
