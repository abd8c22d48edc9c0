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

  /** {@code hermes.health.*} at build time. */
  interface Health {

    /**
     * Whether the readiness check {@code hermes} is added when {@code quarkus-smallrye-health} is present.
     */
    @WithDefault("true")
    boolean enabled();
  }
}
