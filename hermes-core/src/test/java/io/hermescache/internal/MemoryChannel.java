package io.hermescache.internal;

import io.hermescache.spi.Backend;
import io.hermescache.spi.InvalidationChannel;
import io.hermescache.spi.KeyLimits;
import io.hermescache.spi.Payload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory invalidation channel shared by the near caches of one test, delivering on the publisher's
 * thread in publication order; it can be cut (subscribers are told), muted (messages vanish silently, as on
 * a half-open connection) and restored.
 */
final class MemoryChannel {

  private final List<InvalidationChannel.Listener> listeners = new ArrayList<>();
  private boolean cut;
  private boolean muted;
  final AtomicInteger published = new AtomicInteger();
  /** Run once, after the next read of a backend from {@link #around} returned its values. */
  volatile Runnable afterNextRead;

  synchronized void cut() {
    cut = true;
    listeners.forEach(InvalidationChannel.Listener::unsubscribed);
  }

  synchronized void mute() {
    muted = true;
  }

  synchronized void restore() {
    muted = false;
    if (cut) {
      cut = false;
      listeners.forEach(InvalidationChannel.Listener::subscribed);
    }
  }

  private synchronized void deliver(java.util.function.Consumer<InvalidationChannel.Listener> message) {
    published.incrementAndGet();
    if (!cut && !muted) {
      listeners.forEach(message);
    }
  }

  InvalidationChannel open() {
    return new InvalidationChannel() {
      private InvalidationChannel.Listener mine;

      @Override
      public void publish(List<String> keys) {
        List<String> copy = List.copyOf(keys);
        deliver(listener -> listener.invalidated(copy));
      }

      @Override
      public void ping(String token) {
        deliver(listener -> listener.pinged(token));
      }

      @Override
      public void subscribe(Listener listener) {
        synchronized (MemoryChannel.this) {
          mine = listener;
          listeners.add(listener);
          if (!cut) {
            listener.subscribed();
          }
        }
      }

      @Override
      public void close() {
        synchronized (MemoryChannel.this) {
          listeners.remove(mine);
        }
      }
    };
  }

  /** {@code backend} offering this channel. */
  Backend around(MemoryBackend backend) {
    return new Backend() {
      @Override
      public List<Payload> getAll(List<String> keys) {
        List<Payload> read = backend.getAll(keys);
        Runnable hook = afterNextRead;
        if (hook != null) {
          afterNextRead = null;
          hook.run();
        }
        return read;
      }

      @Override
      public void set(String key, Payload value, Duration ttl) {
        backend.set(key, value, ttl);
      }

      @Override
      public boolean add(String key, Payload value, Duration ttl) {
        return backend.add(key, value, ttl);
      }

      @Override
      public void delete(String... keys) {
        backend.delete(keys);
      }

      @Override
      public boolean tryLock(String lockKey, String token, Duration lease) {
        return backend.tryLock(lockKey, token, lease);
      }

      @Override
      public boolean extendLock(String lockKey, String token, Duration lease) {
        return backend.extendLock(lockKey, token, lease);
      }

      @Override
      public void unlock(String lockKey, String token) {
        backend.unlock(lockKey, token);
      }

      @Override
      public boolean setIfLocked(String lockKey, String token, String key, Payload value, Duration ttl) {
        return backend.setIfLocked(lockKey, token, key, value, ttl);
      }

      @Override
      public KeyLimits keyLimits() {
        return backend.keyLimits();
      }

      @Override
      public Optional<InvalidationChannel> invalidationChannel(String prefix) {
        return Optional.of(open());
      }
    };
  }
}
