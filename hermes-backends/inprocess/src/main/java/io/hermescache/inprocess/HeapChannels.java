package io.hermescache.inprocess;

import io.hermescache.spi.InvalidationChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The invalidation channels of one {@link InProcessBackend}: the backend announces its own changes, on the
 * thread that made them, to the subscribers of the prefix the key falls under. Nothing travels, so nothing
 * is lost: a subscriber is subscribed from the moment it subscribes until it closes its channel.
 */
final class HeapChannels {

  private final List<Channel> subscribed = new CopyOnWriteArrayList<>();

  InvalidationChannel channel(String prefix) {
    return new Channel(prefix + ":");
  }

  void announce(String key) {
    for (Channel channel : subscribed) {
      if (key.startsWith(channel.keyPrefix)) {
        channel.listener.invalidated(List.of(key));
      }
    }
  }

  private final class Channel implements InvalidationChannel {

    final String keyPrefix;
    volatile Listener listener;

    Channel(String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }

    /** The backend announces its changes itself, whoever made them. */
    @Override
    public void publish(List<String> keys) {}

    @Override
    public void ping(String token) {
      for (Channel channel : subscribed) {
        if (channel.keyPrefix.equals(keyPrefix)) {
          channel.listener.pinged(token);
        }
      }
    }

    @Override
    public void subscribe(Listener listener) {
      this.listener = listener;
      listener.subscribed();
      subscribed.add(this);
    }

    @Override
    public void close() {
      subscribed.remove(this);
    }
  }
}
