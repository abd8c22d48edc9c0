package io.hermescache.internal;

import io.hermescache.spi.Backend;
import io.hermescache.spi.Payload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A backend in a map whose TTLs run on a {@link FakeClock}; every operation is atomic (one monitor), can be
 * made to fail ({@link #failing}) or observed and held back ({@link #beforeEach}, called outside the monitor).
 */
final class MemoryBackend implements Backend {

  private final FakeClock clock;
  private final Map<String, Item> items = new HashMap<>();
  final Set<String> failing = ConcurrentHashMap.newKeySet();
  volatile Consumer<String> beforeEach = operation -> {};
  volatile boolean refuseExtend;

  MemoryBackend(FakeClock clock) {
    this.clock = clock;
  }

  private void enter(String operation) {
    beforeEach.accept(operation);
    if (failing.contains(operation)) {
      throw new IllegalStateException(operation + " failed (test)");
    }
  }

  private Item live(String key) {
    Item item = items.get(key);
    if (item != null && item.expiresAt <= clock.nanoTime()) {
      items.remove(key);
      return null;
    }
    return item;
  }

  private long expiry(Duration ttl) {
    if (ttl.isZero()) {
      return Long.MAX_VALUE;
    }
    long nanos;
    try {
      nanos = ttl.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
    long at = clock.nanoTime() + nanos;
    return at < 0 ? Long.MAX_VALUE : at;
  }

  @Override
  public List<Payload> getAll(List<String> keys) {
    enter("getAll");
    synchronized (this) {
      List<Payload> values = new ArrayList<>();
      for (String key : keys) {
        Item item = live(key);
        values.add(item == null ? null : Payload.of(item.value.bytes()));
      }
      return values;
    }
  }

  @Override
  public void set(String key, Payload value, Duration ttl) {
    enter("set");
    synchronized (this) {
      items.put(key, new Item(value, expiry(ttl)));
    }
  }

  @Override
  public boolean add(String key, Payload value, Duration ttl) {
    enter("add");
    synchronized (this) {
      if (live(key) != null) {
        return false;
      }
      items.put(key, new Item(value, expiry(ttl)));
      return true;
    }
  }

  @Override
  public boolean tryLock(String lockKey, String token, Duration lease) {
    enter("tryLock");
    synchronized (this) {
      if (live(lockKey) != null) {
        return false;
      }
      items.put(lockKey, new Item(Payload.of(token), expiry(lease)));
      return true;
    }
  }

  @Override
  public void delete(String... keys) {
    enter("delete");
    synchronized (this) {
      for (String key : keys) {
        items.remove(key);
      }
    }
  }

  @Override
  public void unlock(String lockKey, String token) {
    enter("unlock");
    synchronized (this) {
      Item lock = live(lockKey);
      if (lock != null && lock.value.equals(Payload.of(token))) {
        items.remove(lockKey);
      }
    }
  }

  @Override
  public boolean extendLock(String lockKey, String token, Duration lease) {
    enter("extendLock");
    synchronized (this) {
      Item lock = live(lockKey);
      if (refuseExtend || lock == null || !lock.value.equals(Payload.of(token))) {
        return false;
      }
      items.put(lockKey, new Item(lock.value, expiry(lease)));
      return true;
    }
  }

  @Override
  public boolean setIfLocked(String lockKey, String token, String key, Payload value, Duration ttl) {
    enter("setIfLocked");
    synchronized (this) {
      Item lock = live(lockKey);
      if (lock == null || !lock.value.equals(Payload.of(token))) {
        return false;
      }
      items.put(key, new Item(value, expiry(ttl)));
      return true;
    }
  }

  synchronized boolean holds(String key) {
    return live(key) != null;
  }

  private record Item(Payload value, long expiresAt) {}
}
