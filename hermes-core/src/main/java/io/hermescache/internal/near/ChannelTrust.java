package io.hermescache.internal.near;

import io.hermescache.internal.LocalHitSource;
import io.hermescache.spi.Clock;
import io.hermescache.spi.InvalidationChannel;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * What this JVM knows from the invalidation channel: which subscription is live (its epoch), and up to when
 * it has heard everything published ({@link Trust#confirmedUpTo}).
 *
 * <p>This JVM pings itself over the channel every quarter of {@code max-staleness}. A ping sent at time
 * {@code t} that comes back on the same subscription proves that every message the server accepted before
 * {@code t} has been handled (the channel keeps order), so every copy read on that subscription and not
 * dropped since was current at {@code t}. That is what lets a copy live past {@code max-staleness} from its
 * read: it is re-confirmed by each ping. Without pings coming back, copies age out.
 */
final class ChannelTrust implements InvalidationChannel.Listener {

  /** The epoch of copies read without a live subscription. */
  static final long NONE = -1;

  /** The live subscription and the send time of its latest ping that came back; immutable. */
  static final class Trust {
    final long epoch;
    final long confirmedUpTo;

    Trust(long epoch, long confirmedUpTo) {
      this.epoch = epoch;
      this.confirmedUpTo = confirmedUpTo;
    }
  }

  private static final System.Logger LOG = System.getLogger(NearCache.class.getName());

  private final InvalidationChannel channel;
  private final LocalHitSource.Changes heard;
  private final Clock clock;
  private final Executor executor;
  private final Duration pingEvery;
  private final String id = UUID.randomUUID().toString();
  private volatile Trust trust = new Trust(NONE, Long.MIN_VALUE);
  private long epochs; // only the listener thread writes it
  private volatile boolean closed;
  private volatile Clock.Cancellable nextPing;

  ChannelTrust(InvalidationChannel channel, LocalHitSource.Changes heard, Clock clock, Executor executor,
      Duration maxStaleness) {
    this.channel = channel;
    this.heard = heard;
    this.clock = clock;
    this.executor = executor;
    Duration quarter = maxStaleness.dividedBy(4);
    this.pingEvery = quarter.isZero() ? Duration.ofNanos(1) : quarter;
  }

  /** Subscribes and starts pinging. */
  void start() {
    channel.subscribe(this);
    schedulePing();
  }

  Trust trust() {
    return trust;
  }

  @Override
  public void subscribed() {
    // copies of an earlier subscription may have missed messages: they keep only what their read time gives
    trust = new Trust(++epochs, Long.MIN_VALUE);
    LOG.log(System.Logger.Level.DEBUG, "Near cache: invalidation channel subscribed");
  }

  @Override
  public void unsubscribed() {
    trust = new Trust(NONE, Long.MIN_VALUE);
    heard.lost();
    LOG.log(System.Logger.Level.INFO, "Near cache: invalidation channel lost; local copies now live at most"
        + " hermes.near.max-staleness until it is back");
  }

  @Override
  public void invalidated(List<String> keys) {
    for (String key : keys) {
      heard.changed(key);
    }
  }

  @Override
  public void pinged(String token) {
    // token: id ' ' epoch ' ' send time
    int first = token.indexOf(' ');
    int second = token.indexOf(' ', first + 1);
    if (first < 0 || second < 0 || !token.regionMatches(0, id, 0, first) || first != id.length()) {
      return;
    }
    try {
      long epoch = Long.parseLong(token.substring(first + 1, second));
      long sentAt = Long.parseLong(token.substring(second + 1));
      Trust current = trust;
      if (epoch == current.epoch && epoch != NONE
          && (current.confirmedUpTo == Long.MIN_VALUE || sentAt - current.confirmedUpTo > 0)) {
        trust = new Trust(epoch, sentAt);
      }
    } catch (NumberFormatException e) {
      // not one of ours
    }
  }

  /** Announces changed keys; throws if the server did not accept the message. */
  void publish(List<String> keys) {
    channel.publish(keys);
  }

  /** Sends one ping now: the time is taken before the message leaves. */
  void ping() {
    Trust current = trust;
    if (current.epoch == NONE) {
      return;
    }
    long sentAt = clock.nanoTime();
    channel.ping(id + " " + current.epoch + " " + sentAt);
  }

  private void schedulePing() {
    if (closed) {
      return;
    }
    nextPing = clock.schedule(() -> executor.execute(() -> {
      try {
        ping();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.DEBUG, () -> "Near cache: ping failed: " + e);
      } finally {
        schedulePing();
      }
    }), pingEvery);
  }

  void close() {
    closed = true;
    Clock.Cancellable pending = nextPing;
    if (pending != null) {
      pending.cancel();
    }
    channel.close();
  }
}
