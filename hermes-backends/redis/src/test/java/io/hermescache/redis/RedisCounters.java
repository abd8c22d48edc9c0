package io.hermescache.redis;

import io.hermescache.test.SharedCounters;
import io.hermescache.test.WorkerServer;
import java.net.URI;
import redis.clients.jedis.RedisClient;

/**
 * {@link SharedCounters} in Redis, beside (not inside) the Hermes prefix of the run; {@code INCR} is the
 * logical clock.
 */
final class RedisCounters implements SharedCounters {

  private final RedisClient redis;
  private final String prefix;

  /** The counters of the run whose Hermes prefix is {@code hermesPrefix}, on the Redis at {@code uri}. */
  RedisCounters(String uri, String hermesPrefix) {
    this.redis = RedisClient.create(URI.create(uri));
    this.prefix = hermesPrefix + "-test:";
  }

  /** The Redis at {@code uri}, as the multi-JVM contract tests see it. */
  static WorkerServer server(String uri) {
    return new WorkerServer("Redis", uri, hermesPrefix -> new RedisCounters(uri, hermesPrefix));
  }

  @Override
  public long increment(String name) {
    return redis.incr(prefix + name);
  }

  @Override
  public void set(String name, String value) {
    redis.set(prefix + name, value);
  }

  @Override
  public String get(String name) {
    return redis.get(prefix + name);
  }

  @Override
  public void delete(String... names) {
    for (String name : names) {
      redis.del(prefix + name);
    }
  }

  @Override
  public void close() {
    redis.close();
  }
}
