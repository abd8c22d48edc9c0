package io.hermescache.internal.near;

import io.hermescache.internal.LocalHitSource;
import io.hermescache.internal.NearCacheOptions;
import io.hermescache.internal.near.LocalCopies.Copy;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Clock;
import io.hermescache.spi.InvalidationChannel;
import io.hermescache.spi.KeyLimits;
import io.hermescache.spi.Payload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A near cache (DESIGN.md, "Near cache"): a {@link Backend} in front of a remote one that answers reads from
 * payloads this JVM read recently, so a hit whose keys are all held makes no round trip, and the payload's
 * memoised decode hands out the decoded value without parsing.
 *
 * <p>Entries and versions (entry, tag, namespace) are copied; locks never. A copy is served only while
 * <em>fresh</em>: read less than {@code max-staleness} ago, or read on the live subscription of the
 * invalidation channel, which has been heard from less than {@code max-staleness} ago ({@link ChannelTrust}).
 * So after an invalidation returned in another JVM, this one serves the old version for at most
 * {@code max-staleness}. This JVM's own writes drop its copies before they return, and are announced on the
 * channel; so the invalidating JVM never serves the old version. Without a channel (Memcached), a copy lives
 * at most {@code max-staleness}.
 */
public final class NearCache implements Backend, LocalHitSource {

  private static final System.Logger LOG = System.getLogger(NearCache.class.getName());

  private final Backend remote;
  private final Clock clock;
  private final long maxStalenessNanos;
  private final LocalCopies copies;
  private final ChannelTrust channel; // null: no channel
  private final String entryPrefix;
  private final String versionPrefix;
  private final String tagPrefix;
  private final String namespaceKey;
  private final AtomicBoolean started = new AtomicBoolean();
  /** The engine's hits from memory, told of every change this JVM makes or hears of. */
  private volatile LocalHitSource.Changes local;

  /**
   * A near cache of {@code options.maxEntries()} copies in front of {@code remote}, for the keys of
   * {@code prefix}; pings go out on {@code executor}. Connects nothing until the first operation.
   */
  public NearCache(Backend remote, String prefix, NearCacheOptions options, Clock clock, Executor executor) {
    this.remote = remote;
    this.clock = clock;
    this.maxStalenessNanos = nanos(options.maxStaleness());
    this.copies = new LocalCopies(options.maxEntries());
    Optional<InvalidationChannel> offered = remote.invalidationChannel(prefix);
    this.channel = offered.map(c -> new ChannelTrust(c, new Heard(), clock, executor, options.maxStaleness()))
        .orElse(null);
    entryPrefix = prefix + ":entry:";
    versionPrefix = prefix + ":version:";
    tagPrefix = prefix + ":tag:";
    namespaceKey = prefix + ":namespace";
    if (channel == null) {
      LOG.log(System.Logger.Level.INFO, () -> "Near cache: " + remote + " has no invalidation channel; a local copy"
          + " lives at most hermes.near.max-staleness (" + options.maxStaleness() + ")");
    }
  }

  /** The backend behind this near cache. */
  public Backend remote() {
    return remote;
  }

  /** The number of copies held (at most {@code hermes.near.max-entries}). */
  public int size() {
    return copies.size();
  }

  @Override
  public List<Payload> getAll(List<String> keys) {
    start();
    long now = clock.nanoTime();
    ChannelTrust.Trust trust = trust();
    Payload[] found = new Payload[keys.size()];
    Copy[] stale = null;
    int missing = 0;
    for (int i = 0; i < found.length; i++) {
      String key = keys.get(i);
      Copy copy = copiable(key) ? copies.get(key) : null;
      if (copy != null && fresh(copy, now, trust)) {
        found[i] = copy.payload;
      } else {
        if (copy != null) {
          stale = stale == null ? new Copy[found.length] : stale;
          stale[i] = copy;
        }
        missing++;
      }
    }
    if (missing > 0) {
      readMissing(keys, found, stale, missing);
    }
    return Arrays.asList(found);
  }

  /** One round trip for the keys not held fresh; what it brings is kept unless a key changed meanwhile. */
  private void readMissing(List<String> keys, Payload[] found, Copy[] stale, int missing) {
    List<String> toRead = new ArrayList<>(missing);
    int[] index = new int[missing];
    long[] stamps = new long[missing];
    for (int i = 0, j = 0; i < found.length; i++) {
      if (found[i] == null) {
        index[j] = i;
        stamps[j] = copies.stamp(keys.get(i));
        toRead.add(keys.get(i));
        j++;
      }
    }
    ChannelTrust.Trust trust = trust();
    long readAt = clock.nanoTime();
    List<Payload> read = remote.getAll(toRead);
    for (int j = 0; j < missing; j++) {
      int i = index[j];
      Payload payload = read.get(j);
      if (payload != null && stale != null && stale[i] != null && stale[i].payload.equals(payload)) {
        payload = stale[i].payload; // unchanged: keep the instance that remembers its decoded value
      }
      found[i] = payload;
      if (payload != null && copiable(toRead.get(j))) {
        copies.storeIfUnchanged(toRead.get(j), new Copy(payload, readAt, trust.epoch), stamps[j]);
      }
    }
  }

  private boolean fresh(Copy copy, long now, ChannelTrust.Trust trust) {
    if (now - copy.readAt <= maxStalenessNanos) {
      return true;
    }
    return copy.epoch != ChannelTrust.NONE && copy.epoch == trust.epoch && trust.confirmedUpTo != Long.MIN_VALUE
        && now - trust.confirmedUpTo <= maxStalenessNanos;
  }

  private ChannelTrust.Trust trust() {
    return channel == null ? NO_CHANNEL : channel.trust();
  }

  private static final ChannelTrust.Trust NO_CHANNEL = new ChannelTrust.Trust(ChannelTrust.NONE, Long.MIN_VALUE);

  @Override
  public void set(String key, Payload value, Duration ttl) {
    start();
    remote.set(key, value, ttl);
    changed(key);
  }

  @Override
  public boolean add(String key, Payload value, Duration ttl) {
    start();
    boolean added = remote.add(key, value, ttl);
    if (added) {
      changed(key); // a key that expired in the backend may still be held elsewhere
    } else {
      dropCopy(key);
    }
    return added;
  }

  @Override
  public void delete(String... keys) {
    start();
    remote.delete(keys);
    changed(keys);
  }

  @Override
  public boolean tryLock(String lockKey, String token, Duration lease) {
    return remote.tryLock(lockKey, token, lease);
  }

  @Override
  public boolean extendLock(String lockKey, String token, Duration lease) {
    return remote.extendLock(lockKey, token, lease);
  }

  @Override
  public void unlock(String lockKey, String token) {
    remote.unlock(lockKey, token);
  }

  @Override
  public boolean setIfLocked(String lockKey, String token, String key, Payload value, Duration ttl) {
    start();
    boolean stored = remote.setIfLocked(lockKey, token, key, value, ttl);
    if (stored) {
      changed(key);
    }
    return stored;
  }

  @Override
  public KeyLimits keyLimits() {
    return remote.keyLimits();
  }

  @Override
  public boolean inProcess() {
    return true;
  }

  /** Closes the channel and the backend behind. */
  @Override
  public void close() {
    closeChannel();
    remote.close();
  }

  /** Closes the channel only: the backend behind stays open (it is being handed over). */
  public void closeChannel() {
    if (channel != null) {
      channel.close();
    }
  }

  @Override
  public String toString() {
    return "NearCache[" + remote + "]";
  }

  /**
   * Drops this JVM's copies of {@code keys} (before the write returns: this JVM never serves what it
   * overwrote), then tells the other JVMs. A lost announcement of a version would let them serve the old
   * one beyond {@code max-staleness}, so it fails the write; one of an entry costs nothing coherent (entries
   * are checked against versions) and is only logged.
   */
  private void changed(String... keys) {
    List<String> announced = new ArrayList<>(keys.length);
    boolean versions = false;
    for (String key : keys) {
      dropCopy(key);
      if (copiable(key)) {
        announced.add(key);
        versions |= !key.startsWith(entryPrefix);
      }
    }
    if (channel == null || announced.isEmpty()) {
      return;
    }
    try {
      channel.publish(announced);
    } catch (RuntimeException e) {
      if (versions) {
        throw e;
      }
      LOG.log(System.Logger.Level.DEBUG, () -> "Near cache: an entry's change was not announced: " + e);
    }
  }

  /** Drops this JVM's copy of {@code key}, and the engine's hits read under it. */
  private void dropCopy(String key) {
    copies.changed(key);
    LocalHitSource.Changes hits = local;
    if (hits != null) {
      hits.changed(key);
    }
  }

  @Override
  public void listen(LocalHitSource.Changes changes) {
    local = changes;
  }

  @Override
  public void stopListening(LocalHitSource.Changes changes) {
    local = null;
  }

  /**
   * Vouches for a read only while it was made on the live subscription of the channel: every copy it used
   * was read on it, so no message of a change of them was missed. Without a channel (Memcached), never.
   */
  @Override
  public long vouch(List<String> keys) {
    ChannelTrust.Trust trust = trust();
    if (trust.epoch == ChannelTrust.NONE) {
      return NOT_VOUCHED;
    }
    for (String key : keys) {
      Copy copy = copies.get(key);
      if (copy == null || copy.epoch != trust.epoch) {
        return NOT_VOUCHED;
      }
    }
    return trust.epoch;
  }

  /** While the subscription that read it is live and was heard from within {@code max-staleness}. */
  @Override
  public boolean vouches(long voucher) {
    ChannelTrust.Trust trust = trust();
    return voucher == trust.epoch && trust.confirmedUpTo != Long.MIN_VALUE
        && clock.nanoTime() - trust.confirmedUpTo <= maxStalenessNanos;
  }

  /** What the channel tells: a change drops the copy and the hits read under it; a lost subscription, every hit. */
  private final class Heard implements LocalHitSource.Changes {
    @Override
    public void changed(String key) {
      dropCopy(key);
    }

    @Override
    public void lost() {
      LocalHitSource.Changes hits = local;
      if (hits != null) {
        hits.lost();
      }
    }
  }

  /** Entries and versions are copied; locks, and keys fitted beyond recognition, are not. */
  private boolean copiable(String key) {
    return key.startsWith(entryPrefix) || key.startsWith(versionPrefix) || key.startsWith(tagPrefix)
        || key.equals(namespaceKey);
  }

  private void start() {
    if (channel != null && !started.get() && started.compareAndSet(false, true)) {
      channel.start();
    }
  }

  private static long nanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
