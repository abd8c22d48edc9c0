package io.hermescache.internal;

import io.hermescache.spi.Backend;
import io.hermescache.spi.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Hits served from this JVM's memory: the decoded entry a read found coherent is served again, without
 * reading the backend, while neither it nor any of the versions it was read under changed, its backend
 * still vouches for the read, and it is not due for expiry or a refresh. A hit is one lookup and a few
 * reads of {@link KeyStamps}, not a lookup per version.
 *
 * <p>Only in front of a {@link LocalHitSource}: a backend in this JVM that tells of every change of a key
 * before the change returns here (the in-process backend; the near cache, for the changes it hears of).
 * The stamps a hit holds are taken before the backend is read ({@link #ticket}): a change told before that
 * is seen by the read, one told after it moves a stamp the hit holds. So this serves nothing its backend
 * would not.
 */
final class LocalHits implements LocalHitSource.Changes, AutoCloseable {

  private final Backend backend;
  private final LocalHitSource source;
  private final KeyLayout layout;
  private final Clock clock;
  private final int maxEntries;
  private final KeyStamps stamps = new KeyStamps();
  /**
   * By the call's key or {@link LocalKey}, as the engine was called: the entries of a key in two spaces are
   * the same backend entry.
   */
  private final ConcurrentHashMap<Object, Hit> hits = new ConcurrentHashMap<>();
  /** The keys of {@link #hits} in the order they came in; the oldest leaves first once there are too many. */
  private final ConcurrentLinkedQueue<Object> arrivals = new ConcurrentLinkedQueue<>();

  private LocalHits(Backend backend, LocalHitSource source, KeyLayout layout, Clock clock, int maxEntries) {
    this.backend = backend;
    this.source = source;
    this.layout = layout;
    this.clock = clock;
    this.maxEntries = maxEntries;
    source.listen(this);
  }

  /**
   * Local hits in front of {@code backend}, or {@code null} if it is not a {@link LocalHitSource} nor an
   * in-process backend with an invalidation channel.
   */
  static LocalHits in(Backend backend, String prefix, KeyLayout layout, Clock clock, int maxEntries) {
    if (backend instanceof LocalHitSource) {
      return new LocalHits(backend, (LocalHitSource) backend, layout, clock, maxEntries);
    }
    if (backend == null || !backend.inProcess()) {
      return null;
    }
    return backend.invalidationChannel(prefix)
        .map(channel -> new LocalHits(backend, new ChannelHitSource(channel), layout, clock, maxEntries))
        .orElse(null);
  }

  /**
   * The entry of {@code call} as {@code space} with {@code tags} would read it from {@code current} now,
   * counted as a hit; or {@code null} (also when {@code current} is not the backend these hits are of).
   * {@code tags}: {@code null} for a {@link LocalKey}, which fixes them.
   */
  Envelope find(Backend current, KeySpace space, Object call, List<String> tags) {
    Hit hit = current == backend ? hits.get(call) : null;
    if (hit == null || hit.space != space || tags != null && hit.tags != tags && !hit.tags.equals(tags)
        || !stamps.unchanged(hit.slots, hit.seen) || !source.vouches(hit.voucher)
        || clock.currentTimeMillis() >= hit.until) {
      return null;
    }
    space.counters.hits.increment();
    return hit.entry;
  }

  /**
   * The current stamps of the keys {@code keys} reads (the entry, its versions): taken before the read whose
   * entry may be remembered. The entry's own key counts too, so that a value written over by any engine is
   * read again. {@code null} when {@code current} is not the backend these hits are of.
   */
  Ticket ticket(Backend current, KeySpace space, Object call, List<String> tags, CallKeys keys) {
    if (current != backend) {
      return null;
    }
    int read = keys.readKeys.size();
    int[] slots = new int[read];
    long[] seen = new long[read];
    for (int i = 0; i < read; i++) {
      slots[i] = KeyStamps.slot(keys.readKeys.get(i));
      seen[i] = stamps.stamp(slots[i]);
    }
    return new Ticket(space, call, tags, keys.readKeys, slots, seen);
  }

  /** The number of hits held: at most {@code maxEntries}, give or take the stores under way. */
  int size() {
    return hits.size();
  }

  @Override
  public void changed(String key) {
    if (!layout.isLock(key)) {
      stamps.changed(key);
    }
  }

  @Override
  public void lost() {
    stamps.changedAll();
  }

  @Override
  public void close() {
    source.stopListening(this);
    hits.clear();
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

  /** What {@link #ticket} took; {@link #remember} makes it a hit. */
  final class Ticket {
    private final KeySpace space;
    private final Object call;
    private final List<String> tags;
    private final List<String> readKeys;
    private final int[] slots;
    private final long[] seen;

    private Ticket(KeySpace space, Object call, List<String> tags, List<String> readKeys, int[] slots,
        long[] seen) {
      this.space = space;
      this.call = call;
      this.tags = tags;
      this.readKeys = readKeys;
      this.slots = slots;
      this.seen = seen;
    }

    /**
     * Serves {@code entry}, found coherent by the read after this ticket, from memory until it expires or is
     * due for an early refresh or a refresh ahead of {@code refreshAhead} (a fraction of {@code ttl}), while
     * the backend vouches for the read.
     */
    void remember(Envelope entry, Function<Object, Duration> ttl, double refreshAhead) {
      long voucher = source.vouch(readKeys);
      if (voucher != LocalHitSource.NOT_VOUCHED) {
        long until = Math.min(entry.earlyRefreshUnlikelyBefore(), RefreshAhead.dueAt(entry, ttl, refreshAhead));
        store(call, new Hit(space, tags, slots, seen, voucher, entry, until));
      }
    }
  }

  private static final class Hit {
    final KeySpace space;
    final List<String> tags;
    final int[] slots;
    final long[] seen;
    final long voucher;
    final Envelope entry;
    /** The time in milliseconds from which the backend is read again. */
    final long until;

    Hit(KeySpace space, List<String> tags, int[] slots, long[] seen, long voucher, Envelope entry, long until) {
      this.space = space;
      this.tags = tags;
      this.slots = slots;
      this.seen = seen;
      this.voucher = voucher;
      this.entry = entry;
      this.until = until;
    }
  }
}
