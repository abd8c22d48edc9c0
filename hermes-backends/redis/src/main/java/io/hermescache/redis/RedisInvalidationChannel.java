package io.hermescache.redis;

import io.hermescache.spi.InvalidationChannel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.UnifiedJedis;

/**
 * The near cache's invalidation channel on Redis: pub/sub on {@code {prefix}:events}.
 *
 * <p>Pub/sub rather than RESP3 client-side caching (tracking): the near cache must know it heard
 * <em>everything</em> published up to a point, and a ping published on the same channel gives exactly that,
 * since Redis delivers one channel's messages to a subscriber in the order it accepted them. Tracking sends
 * one invalidation per key a connection read, from a connection the pool chooses, and needs one tracked
 * connection per pool connection (or a redirect connection) plus its own proof of liveness; its key-by-key
 * messages also grow with the number of keys read, where ours grow with the number of writes, which are
 * rare. See {@code near-cache.md}.
 *
 * <p>A message is one byte of kind ({@code I} keys changed, {@code P} ping) followed by, for keys, each as
 * a 4-byte length and its UTF-8 bytes, for a ping its token. The subscription runs on one daemon thread,
 * on a connection of the backend's pool, and is made again (after 50 ms, doubling to 1 s) whenever it
 * breaks: a killed connection ({@code CLIENT KILL TYPE pubsub}), a restarted server, a failover.
 */
final class RedisInvalidationChannel implements InvalidationChannel {

  private static final System.Logger LOG = System.getLogger(RedisInvalidationChannel.class.getName());
  private static final byte KEYS = 'I';
  private static final byte PING = 'P';

  private final Supplier<UnifiedJedis> client;
  private final byte[] channel;
  private final String name;
  private volatile boolean closed;
  private volatile BinaryJedisPubSub current;
  private Thread subscriber;

  RedisInvalidationChannel(Supplier<UnifiedJedis> client, String channel) {
    this.client = client;
    this.name = channel;
    this.channel = channel.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void publish(List<String> keys) {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    message.write(KEYS);
    for (String key : keys) {
      byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
      message.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
      message.writeBytes(bytes);
    }
    client.get().publish(channel, message.toByteArray());
  }

  @Override
  public void ping(String token) {
    byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[bytes.length + 1];
    message[0] = PING;
    System.arraycopy(bytes, 0, message, 1, bytes.length);
    client.get().publish(channel, message);
  }

  @Override
  public synchronized void subscribe(Listener listener) {
    if (subscriber != null || closed) {
      return;
    }
    subscriber = new Thread(() -> listen(listener), "hermes-redis-events");
    subscriber.setDaemon(true);
    subscriber.start();
  }

  private void listen(Listener listener) {
    long backoffMillis = 50;
    while (!closed) {
      boolean[] heard = new boolean[1];
      BinaryJedisPubSub pubSub = new BinaryJedisPubSub() {
        @Override
        public void onSubscribe(byte[] subscribed, int count) {
          if (closed) { // closed while subscribing: close() may have missed this subscription
            unsubscribe();
            return;
          }
          heard[0] = true;
          listener.subscribed();
        }

        @Override
        public void onMessage(byte[] from, byte[] message) {
          deliver(listener, message);
        }
      };
      current = pubSub;
      try {
        client.get().subscribe(pubSub, channel);
      } catch (RuntimeException e) {
        if (!closed) {
          LOG.log(System.Logger.Level.DEBUG, () -> "Subscription to " + name + " broke: " + e);
        }
      }
      if (closed) {
        return;
      }
      if (heard[0]) {
        listener.unsubscribed();
        backoffMillis = 50;
      }
      try {
        Thread.sleep(backoffMillis);
      } catch (InterruptedException e) {
        return;
      }
      backoffMillis = Math.min(1000, backoffMillis * 2);
    }
  }

  private static void deliver(Listener listener, byte[] message) {
    if (message.length == 0) {
      return;
    }
    if (message[0] == PING) {
      listener.pinged(new String(message, 1, message.length - 1, StandardCharsets.UTF_8));
      return;
    }
    if (message[0] != KEYS) {
      return;
    }
    List<String> keys = new ArrayList<>();
    ByteBuffer buffer = ByteBuffer.wrap(message, 1, message.length - 1);
    while (buffer.remaining() >= 4) {
      int length = buffer.getInt();
      if (length < 0 || length > buffer.remaining()) {
        return; // not written by Hermes: ignored
      }
      keys.add(new String(message, buffer.position(), length, StandardCharsets.UTF_8));
      buffer.position(buffer.position() + length);
    }
    listener.invalidated(keys);
  }

  @Override
  public void close() {
    Thread thread;
    synchronized (this) {
      closed = true;
      thread = subscriber;
    }
    BinaryJedisPubSub pubSub = current;
    if (pubSub != null) {
      try {
        if (pubSub.isSubscribed()) {
          pubSub.unsubscribe();
        }
      } catch (RuntimeException e) {
        // the connection is gone already
      }
    }
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public String toString() {
    return "Redis channel " + name;
  }
}
