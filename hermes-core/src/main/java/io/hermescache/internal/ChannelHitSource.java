package io.hermescache.internal;

import io.hermescache.spi.InvalidationChannel;
import java.util.List;

/**
 * The {@link LocalHitSource} of an in-process backend whose invalidation channel announces every replaced or
 * removed key before the change returns: while subscribed, what a read brought is what the backend holds.
 */
final class ChannelHitSource implements LocalHitSource, InvalidationChannel.Listener {

  private final InvalidationChannel channel;
  private volatile Changes changes;
  private volatile boolean subscribed;

  ChannelHitSource(InvalidationChannel channel) {
    this.channel = channel;
  }

  @Override
  public void listen(Changes changes) {
    this.changes = changes;
    channel.subscribe(this);
  }

  @Override
  public void stopListening(Changes changes) {
    channel.close();
  }

  @Override
  public long vouch(List<String> keys) {
    return subscribed ? 0 : NOT_VOUCHED;
  }

  @Override
  public boolean vouches(long voucher) {
    return subscribed;
  }

  @Override
  public void subscribed() {
    subscribed = true;
  }

  @Override
  public void unsubscribed() {
    subscribed = false;
    changes.lost();
  }

  @Override
  public void invalidated(List<String> keys) {
    for (String key : keys) {
      changes.changed(key);
    }
  }

  @Override
  public void pinged(String token) {}
}
