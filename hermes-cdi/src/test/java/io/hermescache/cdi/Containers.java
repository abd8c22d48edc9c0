package io.hermescache.cdi;

import java.util.Map;
import java.util.UUID;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** Containers booted by hand, for tests about deployment and configuration. */
final class Containers {

  private Containers() {}

  /** A running container of {@code beans} (plus Hermes, found on the class path) configured by {@code config}. */
  static WeldContainer boot(Map<String, String> config, Class<?>... beans) {
    TestConfig.use(config);
    return weld(beans).initialize();
  }

  /**
   * Weld with {@code beans} and Hermes. Without discovery Weld SE does not read {@code META-INF/services},
   * so the extension is added here as a discovering application would find it.
   */
  static Weld weld(Class<?>... beans) {
    return new Weld(UUID.randomUUID().toString()).disableDiscovery().beanClasses(beans).addExtension(new HermesExtension());
  }
}
