package io.hermescache.internal;

import io.hermescache.spi.Backend;
import io.hermescache.spi.Clock;
import io.hermescache.spi.InvalidationChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Hits served from this JVM's memory: the decoded entry a read found coherent is served again, without
 * reading the backend, while neither it nor any of the versions it was read under changed and it is not due for expiry
 * or a refresh. A hit is one lookup and a few reads of {@link KeyStamps}, not a lookup per version.
 *
 * <p>Only in front of a backend whose {@link InvalidationChannel} announces every change of a key before
 * the change returns (the in-process backend's): whoever changed a version, through this engine or another
 * one on the same backend, its stamp has moved by the time the invalidation returns. The stamps a hit
 * holds are taken before the backend is read ({@link #ticket}): an invalidation that returned before that
 * is seen by the read, one that returns after it moves a stamp the hit holds. So this serves nothing the
 * backend would not.
 */
final class LocalHits implements InvalidationChannel.Listener, AutoCloseable {

  final Backend backend;
  private final InvalidationChannel channel;
  private final KeyLayout layout;
  private final Clock clock;
  private final KeyStamps stamps = new KeyStamps();
  private final int maxEntries;
  /**
   * By the call's key or {@link LocalKey}, as the engine was called: the entries of a key in two spaces are
   * the same backend entry.
   */
  private final ConcurrentHashMap<Object, Hit> hits = new ConcurrentHashMap<>();
  /** The keys of {@link #hits} in the order they came in; the oldest leaves first once there are too many. */
  private final ConcurrentLinkedQueue<Object> arrivals = new ConcurrentLinkedQueue<>();
  private volatile boolean listening;

  private LocalHits(Backend backend, InvalidationChannel channel, KeyLayout layout, Clock clock, int maxEntries) {
    this.backend = backend;
    this.channel = channel;
    this.layout = layout;
    this.clock = clock;
    this.maxEntries = maxEntries;
    channel.subscribe(this);
  }

  /** Local hits in front of {@code backend}, or {@code null} if it is remote or announces no changes. */
  static LocalHits in(Backend backend, String prefix, KeyLayout layout, Clock clock, int maxEntries) {
    if (backend == null || !backend.inProcess()) {
      return null;
    }
    return backend.invalidationChannel(prefix)
        .map(channel -> new LocalHits(backend, channel, layout, clock, maxEntries)).orElse(null);
  }

  /** The entry of {@code call} as {@code space} with {@code tags} would read it from the backend now, or {@code null}. */
  Envelope find(KeySpace space, Object call, List<String> tags) {
    Hit hit = hits.get(call);
    if (hit == null || hit.space != space || hit.tags != tags && !hit.tags.equals(tags) || !listening
        || !stamps.unchanged(hit.slots, hit.seen) || clock.currentTimeMillis() >= hit.until) {
      return null;
    }
    return hit.entry;
  }

  /**
   * The current stamps of the keys {@code keys} reads (the entry, its versions): taken before the read whose
   * entry may be remembered. The entry's own key counts too, so that a value written over by any engine is
   * read again.
   */
  Ticket ticket(KeySpace space, Object call, List<String> tags, CallKeys keys) {
    int read = keys.readKeys.size();
    int[] slots = new int[read];
    long[] seen = new long[read];
    for (int i = 0; i < read; i++) {
      slots[i] = KeyStamps.slot(keys.readKeys.get(i));
      seen[i] = stamps.stamp(slots[i]);
    }
    return new Ticket(space, call, tags, slots, seen, listening);
  }

  /** The number of hits held: at most {@code maxEntries}, give or take the stores under way. */
  int size() {
    return hits.size();
  }

  private void store(Object call, Hit hit) {
    if (hits.put(call, hit) == null) {
      arrivals.add(call);
      // hits.size() is only an estimate under concurrent updates; it is never below the held count for long
      while (hits.size() > maxEntries) {
        Object oldest = arrivals.poll();
        if (oldest == null) {
          return;
        }
        hits.remove(oldest);
      }
    }
  }

  @Override
  public void subscribed() {
    listening = true;
  }

  @Override
  public void unsubscribed() {
    listening = false;
    stamps.changedAll();
  }

  @Override
  public void invalidated(List<String> keys) {
    for (String key : keys) {
      if (!layout.isLock(key)) {
        stamps.changed(key);
      }
    }
  }

  @Override
  public void pinged(String token) {}

  @Override
  public void close() {
    channel.close();
    hits.clear();
  }

  /** What {@link #ticket} took; {@link #remember} makes it a hit. */
  final class Ticket {
    private final KeySpace space;
    private final Object call;
    private final List<String> tags;
    private final int[] slots;
    private final long[] seen;
    private final boolean heard;

    private Ticket(KeySpace space, Object call, List<String> tags, int[] slots, long[] seen, boolean heard) {
      this.space = space;
      this.call = call;
      this.tags = tags;
      this.slots = slots;
      this.seen = seen;
      this.heard = heard;
    }

    /**
     * Serves {@code entry}, found coherent by the read after this ticket, from memory until it expires or is
     * due for an early refresh or a refresh ahead of {@code refreshAhead} (a fraction of {@code ttl}).
     */
    void remember(Envelope entry, Function<Object, Duration> ttl, double refreshAhead) {
      if (heard) {
        long until = Math.min(entry.earlyRefreshUnlikelyBefore(), RefreshAhead.dueAt(entry, ttl, refreshAhead));
        store(call, new Hit(space, tags, slots, seen, entry, until));
      }
    }
  }

  private static final class Hit {
    final KeySpace space;
    final List<String> tags;
    final int[] slots;
    final long[] seen;
    final Envelope entry;
    /** The time in milliseconds from which the backend is read again. */
    final long until;

    Hit(KeySpace space, List<String> tags, int[] slots, long[] seen, Envelope entry, long until) {
      this.space = space;
      this.tags = tags;
      this.slots = slots;
      this.seen = seen;
      this.entry = entry;
      this.until = until;
    }
  }
}
