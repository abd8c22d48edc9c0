package io.hermescache.redis;

import io.hermescache.test.SharedCounters;
import java.net.URI;
import redis.clients.jedis.RedisClient;

/** {@link SharedCounters} in Redis, under a prefix of their own; {@code INCR} is the logical clock. */
final class RedisCounters implements SharedCounters {

  private final RedisClient redis;
  private final String prefix;

  RedisCounters(String uri, String prefix) {
    this.redis = RedisClient.create(URI.create(uri));
    this.prefix = prefix;
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

  void delete(Iterable<String> names) {
    names.forEach(name -> redis.del(prefix + name));
  }

  @Override
  public void close() {
    redis.close();
  }
}
