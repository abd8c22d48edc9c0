package io.hermescache.memcached;

import io.hermescache.test.SharedCounters;
import io.hermescache.test.WorkerServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import net.spy.memcached.AddrUtil;
import net.spy.memcached.BinaryConnectionFactory;
import net.spy.memcached.MemcachedClient;

/**
 * {@link SharedCounters} in memcached, beside (not inside) the Hermes prefix of the run; {@code incr} is the logical clock
 * (every JVM hashes a counter to the same server, where {@code incr} is atomic).
 */
final class MemcachedCounters implements SharedCounters {

  private static final int ONE_HOUR = 3600;

  private final MemcachedClient memcached;
  private final String prefix;

  /** The counters of the run whose Hermes prefix is {@code hermesPrefix}, on the memcached {@code servers}. */
  MemcachedCounters(String servers, String hermesPrefix) {
    try {
      this.memcached = new MemcachedClient(new BinaryConnectionFactory(), AddrUtil.getAddresses(servers));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.prefix = hermesPrefix + "-test:";
  }

  /** The memcached {@code servers}, as the multi-JVM contract tests see them. */
  static WorkerServer server(String servers) {
    return new WorkerServer("memcached", servers, hermesPrefix -> new MemcachedCounters(servers, hermesPrefix));
  }

  @Override
  public long increment(String name) {
    return memcached.incr(prefix + name, 1, 1, ONE_HOUR);
  }

  @Override
  public void set(String name, String value) {
    try {
      memcached.set(prefix + name, ONE_HOUR, value).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String get(String name) {
    Object value = memcached.get(prefix + name);
    return value == null ? null : value.toString().trim();
  }

  @Override
  public void delete(String... names) {
    for (String name : names) {
      memcached.delete(prefix + name);
    }
  }

  @Override
  public void close() {
    memcached.shutdown();
  }
}
