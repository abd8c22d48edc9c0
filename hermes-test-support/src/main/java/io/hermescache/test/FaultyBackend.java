package io.hermescache.test;

import io.hermescache.spi.Backend;
import io.hermescache.spi.Payload;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** The backend under test, made to fail or to answer slowly on demand; every call is forwarded to it. */
final class FaultyBackend implements Backend {
  final Backend real;
  final AtomicBoolean failing = new AtomicBoolean();
  final java.util.concurrent.atomic.AtomicLong delayMillis = new java.util.concurrent.atomic.AtomicLong();

  FaultyBackend(Backend real) {
    this.real = real;
  }

  private void check() {
    long delay = delayMillis.get();
    if (delay > 0) {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (failing.get()) {
      throw new IllegalStateException("backend down (test)");
    }
  }

  @Override
  public List<Payload> getAll(List<String> keys) {
    check();
    return real.getAll(keys);
  }

  @Override
  public void set(String key, Payload value, Duration ttl) {
    check();
    real.set(key, value, ttl);
  }

  @Override
  public boolean add(String key, Payload value, Duration ttl) {
    check();
    return real.add(key, value, ttl);
  }

  @Override
  public void delete(String... keys) {
    check();
    real.delete(keys);
  }

  @Override
  public void unlock(String lockKey, String token) {
    check();
    real.unlock(lockKey, token);
  }

  @Override
  public boolean setIfLocked(String lockKey, String token, String key, Payload value, Duration ttl) {
    check();
    return real.setIfLocked(lockKey, token, key, value, ttl);
  }

  @Override
  public boolean tryLock(String lockKey, String token, Duration lease) {
    check();
    return real.tryLock(lockKey, token, lease);
  }

  @Override
  public boolean extendLock(String lockKey, String token, Duration lease) {
    check();
    return real.extendLock(lockKey, token, lease);
  }

  @Override
  public io.hermescache.spi.KeyLimits keyLimits() {
    return real.keyLimits();
  }
}
