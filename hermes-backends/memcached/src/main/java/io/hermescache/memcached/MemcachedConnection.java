package io.hermescache.memcached;

import io.hermescache.HermesException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.spy.memcached.ConnectionObserver;
import net.spy.memcached.MemcachedClient;

/**
 * A backend's spymemcached client, made once, on first use (spymemcached connects in its constructor). When
 * {@link #client()} first returns, every server has connected, or {@code hermes.memcached.timeout} has passed,
 * or the thread was interrupted (its flag set again); if any server connected, the {@link ItemSizeLimit} has
 * learnt the servers' item size. After {@link #close()}, {@link #client()} throws {@link IllegalStateException}.
 */
final class MemcachedConnection {

  private final MemcachedSettings settings;
  private final ItemSizeLimit itemSizeLimit;
  private final String owner;
  private final long timeoutMillis;
  private final Object connecting = new Object();
  private volatile MemcachedClient client;
  private boolean closed;

  /** {@code owner} names the backend in the message of a call after {@link #close()}. */
  MemcachedConnection(MemcachedSettings settings, ItemSizeLimit itemSizeLimit, String owner) {
    this.settings = settings;
    this.itemSizeLimit = itemSizeLimit;
    this.owner = owner;
    this.timeoutMillis = settings.timeout().toMillis();
  }

  MemcachedClient client() {
    MemcachedClient current = client;
    if (current != null) {
      return current;
    }
    synchronized (connecting) {
      if (closed) {
        throw new IllegalStateException(owner + " is closed");
      }
      if (client == null) {
        client = connect();
      }
      return client;
    }
  }

  /** Closes the connections, waiting up to the operation timeout for operations under way; idempotent. */
  void close() {
    MemcachedClient open;
    synchronized (connecting) {
      if (closed) {
        return;
      }
      closed = true;
      open = client;
    }
    if (open != null) {
      open.shutdown(timeoutMillis, TimeUnit.MILLISECONDS);
    }
  }

  private MemcachedClient connect() {
    // spymemcached logs to stderr unless told otherwise; send its log where Hermes' goes (java.util.logging).
    System.getProperties().putIfAbsent("net.spy.log.LoggerImpl", "net.spy.memcached.compat.log.SunLogger");
    List<InetSocketAddress> servers = resolved();
    CountDownLatch connected = new CountDownLatch(servers.size());
    ConnectionObserver counter = new ConnectionObserver() {
      @Override
      public void connectionEstablished(SocketAddress server, int reconnectCount) {
        connected.countDown();
      }

      @Override
      public void connectionLost(SocketAddress server) {}
    };
    MemcachedClient made;
    try {
      made = new MemcachedClient(new HermesConnectionFactory(settings, counter), servers);
    } catch (IOException e) {
      throw new HermesException("Cannot connect to memcached " + settings.describeServers() + ": " + e, e);
    }
    try {
      // Keys of a server still connecting would go to another one (Redistribute): wait for all, within reason.
      connected.await(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (connected.getCount() < servers.size()) {
      itemSizeLimit.learnFrom(made);
    }
    return made;
  }

  /** The servers, resolved when the client is made: a host that does not resolve fails operations, not configuration. */
  private List<InetSocketAddress> resolved() {
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (InetSocketAddress server : settings.servers()) {
      InetSocketAddress address = new InetSocketAddress(server.getHostString(), server.getPort());
      if (address.isUnresolved()) {
        throw new HermesException("Cannot resolve memcached host " + server.getHostString()
            + " (hermes.memcached.servers = " + settings.describeServers() + ")");
      }
      addresses.add(address);
    }
    return addresses;
  }
}
