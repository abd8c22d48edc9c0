package io.hermescache.examples.quarkus;

import io.hermescache.test.LocalRedis;
import io.hermescache.test.LocalServer;
import io.hermescache.test.MemcachedServerExtension;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.Optional;

/**
 * The real servers of the Redis and Memcached runs of the example's tests: the ones named by
 * {@code HERMES_REDIS_URI} / {@code HERMES_MEMCACHED_SERVERS}, else local binaries started here and stopped
 * when Quarkus stops the application. Its configuration switches the application's backend.
 */
abstract class ServerResource implements QuarkusTestResourceLifecycleManager {

  private AutoCloseable started;

  /** Redis: {@code hermes.backend=redis} and the server's URI. */
  public static final class Redis extends ServerResource {
    @Override
    public Map<String, String> start() {
      String uri = variable("HERMES_REDIS_URI").orElseGet(() -> {
        LocalRedis redis = LocalRedis.start();
        keep(redis);
        return redis.uri();
      });
      return Map.of("hermes.backend", "redis", "hermes.redis.uri", uri);
    }
  }

  /** Memcached: {@code hermes.backend=memcached} and the server's address. */
  public static final class Memcached extends ServerResource {
    @Override
    public Map<String, String> start() {
      String servers = variable("HERMES_MEMCACHED_SERVERS").orElseGet(() -> {
        LocalServer memcached = MemcachedServerExtension.startDedicated();
        keep(memcached);
        return memcached.host() + ":" + memcached.port();
      });
      return Map.of("hermes.backend", "memcached", "hermes.memcached.servers", servers);
    }
  }

  void keep(AutoCloseable server) {
    started = server;
  }

  @Override
  public void stop() {
    if (started != null) {
      try {
        started.close();
      } catch (Exception e) {
        throw new IllegalStateException("Cannot stop the test server", e);
      }
    }
  }

  private static Optional<String> variable(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
  }
}
