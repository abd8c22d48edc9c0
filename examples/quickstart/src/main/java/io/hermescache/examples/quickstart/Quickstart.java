package io.hermescache.examples.quickstart;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts a CDI container (Weld SE) and replays the HermesCache README quickstart through CDI beans. The
 * in-process backend is the default; {@code -Dhermes.backend=redis -Dhermes.redis.uri=redis://host:6379/0}
 * runs the same program against Redis once {@code hermes-backend-redis} is on the class path.
 */
public final class Quickstart {

  // held so that the level sticks: java.util.logging keeps loggers only weakly
  private static final Logger WELD_LOG = Logger.getLogger("org.jboss.weld");

  private Quickstart() {}

  public static void main(String[] args) {
    WELD_LOG.setLevel(Level.WARNING);
    try (SeContainer container = SeContainerInitializer.newInstance().initialize()) {
      container.select(Walkthrough.class).get().run();
    }
  }
}
