package io.hermescache.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code hermes.*} keys fixed when the application is built. */
@ConfigMapping(prefix = "hermes")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface HermesBuildTimeConfig {

  /** {@code hermes.health.*} at build time. */
  Health health();

  /** {@code hermes.devservices.*}: a Redis or memcached for dev and test mode. */
  DevServices devservices();

  /** {@code hermes.health.*} at build time. */
  interface Health {

    /**
     * Whether the readiness check {@code hermes} is added when {@code quarkus-smallrye-health} is present.
     */
    @WithDefault("true")
    boolean enabled();
  }

  /** {@code hermes.devservices.*}. */
  interface DevServices {

    /**
     * Whether, in dev and test mode, {@code hermes.backend=redis} without {@code hermes.redis.uri} (or
     * {@code memcached} without {@code hermes.memcached.servers}) gets a server: the Redis of
     * quarkus-redis-client's Dev Services, else a container when Docker answers, else a
     * {@code redis-server} / {@code memcached} binary found on the {@code PATH}. Never in production mode.
     */
    @WithDefault("true")
    boolean enabled();
  }
}
