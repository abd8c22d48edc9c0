package io.hermescache.test;

import io.hermescache.Hermes;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Payload;
import java.time.Duration;
import java.util.List;

/** A backend whose every call fails, as a server that went away: for readiness and failure-mode tests. */
public final class DownBackend implements Backend {

  /** Runs {@code check} while {@code hermes} uses a backend that is down, then puts its own one back. */
  public static void during(Hermes hermes, Runnable check) {
    Backend working = hermes.backend(new DownBackend());
    try {
      check.run();
    } finally {
      hermes.backend(working);
    }
  }

  @Override
  public List<Payload> getAll(List<String> keys) {
    throw new IllegalStateException("connection refused (test)");
  }

  @Override
  public void set(String key, Payload value, Duration ttl) {
    getAll(List.of(key));
  }

  @Override
  public boolean add(String key, Payload value, Duration ttl) {
    return getAll(List.of(key)) == null;
  }

  @Override
  public void delete(String... keys) {
    getAll(List.of(keys));
  }

  @Override
  public void unlock(String lockKey, String token) {
    getAll(List.of(lockKey));
  }

  @Override
  public boolean setIfLocked(String lockKey, String token, String key, Payload value, Duration ttl) {
    return getAll(List.of(key)) == null;
  }
}
